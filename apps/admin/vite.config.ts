/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/** Where `npm run dev` sends /api: the API started by `npm start`, unless GATEHOUSE_API_URL says otherwise. */
const api = process.env.GATEHOUSE_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  // The API serves the built files at /admin (same origin, so the session cookie works without CORS).
  base: '/admin/',
  plugins: [react()],
  resolve: {
    alias: {
      // Radix's dialog locks page scroll through react-remove-scroll, which injects a <style> element at run
      // time; the API's Content-Security-Policy (style-src 'self') refuses inline styles. The shim injects
      // nothing and src/app/app.css holds the one rule that matters (body[data-scroll-locked]).
      'react-style-singleton': here('./src/lib/csp-style-singleton.ts'),
    },
  },
  build: {
    outDir: here('../../dist/admin'),
    emptyOutDir: true,
    // The CSP allows no inline script: keep Vite from inlining small assets as data: URLs in scripts.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': {
        target: api,
        // The API refuses state-changing requests whose Origin is not its own APP_URL.
        headers: { origin: new URL(api).origin },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/testing/setup.ts'],
    css: false,
    restoreMocks: true,
  },
});
