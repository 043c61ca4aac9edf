import type { StorybookConfig } from '@storybook/react-vite';

// The root vite.config.ts is merged in by the builder, so stories import `voucherkit` and
// `voucherkit/sandbox` by their public names through its aliases, exactly like the tests and the demo.
const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  // The MSW worker lives here, not in a root public/, so the library's dist/ never ships it (TOOLCHAIN P11).
  staticDirs: ['./public'],
  // No network beyond the npm registry: no telemetry, no "what's new" fetches.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Resolves props inherited from useVoucherInput's options, which react-docgen cannot follow across files.
  typescript: {
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      propFilter: (prop) => !prop.parent || !prop.parent.fileName.includes('node_modules'),
    },
  },
};

export default config;
