import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

// This folder is the app, though the repository around it has a lockfile of its own.
const root = fileURLToPath(new URL('.', import.meta.url));

const nextConfig: NextConfig = {
  turbopack: { root },
  outputFileTracingRoot: root,
};

export default nextConfig;
