import Link from 'next/link';

export default function Home() {
  return (
    <main>
      <h1>voucherkit · Next.js example</h1>
      <Link href="/checkout">Go to checkout</Link>
    </main>
  );
}
