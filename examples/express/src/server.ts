import { createVoucherifyServer } from 'voucherkit/server';
import { createApp } from './app.js';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const voucherify = createVoucherifyServer({
  applicationId: requireEnv('VOUCHERIFY_APP_ID'),
  secretKey: requireEnv('VOUCHERIFY_SECRET_KEY'), // server env only
  apiUrl: process.env.VOUCHERIFY_API_URL || undefined, // the sandbox (`npm run sandbox`: http://127.0.0.1:4010) or your region
});

const server = createApp(voucherify).listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : process.env.PORT;
  console.log(`listening on http://127.0.0.1:${port}`);
});
