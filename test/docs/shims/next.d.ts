// next is not installed at the root: the Next 16 signatures the docs use (examples/next-app builds the real thing).
declare module 'next/headers' {
  export function headers(): Promise<Headers>;
  export function cookies(): Promise<{ get(name: string): { name: string; value: string } | undefined }>;
}
declare module 'next/navigation' {
  export function notFound(): never;
  export function redirect(url: string): never;
}
