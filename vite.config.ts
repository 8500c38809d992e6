// Vite build: React app, the reader worker, the offline shell (PWA) and a strict CSP: a <meta> in built pages
// and, for the reader worker too (a page's <meta> does not bind a worker), a response header from `vite preview`.
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { connectSrc } from './src/db/sync/config.ts';

// Only the built app gets the CSP: the dev server injects inline scripts for hot reload. Workers are the app's
// own module scripts (worker-src 'self'): no blob: worker is made, so none is allowed. img-src keeps blob: for the
// PNG export of a chart (an <img> of the chart's SVG drawn onto a canvas).
const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // A sync server on another origin is named at build time (ANJU_SYNC_ORIGIN); same-origin needs nothing.
  connectSrc(process.env.ANJU_SYNC_ORIGIN),
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];
const CSP = POLICY.join('; ');
/** The policy as a response header (README: the office's web server sends the same): it also binds the reader
 *  worker's script, and frame-ancestors (which a <meta> cannot carry) keeps the app out of other sites' frames. */
export const CSP_HEADER = [...POLICY, "frame-ancestors 'none'"].join('; ');
const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function contentSecurityPolicy(): Plugin {
  return {
    name: 'anju-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
      );
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    contentSecurityPolicy(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icon.svg'],
      manifest: {
        name: '安居工程月报汇总',
        short_name: '安居月报',
        description: '吉林省棚户区改造、棚改贷款、房屋征收、公租房分配月报汇总与通报（离线可用）',
        lang: 'zh-CN',
        start_url: '.',
        scope: '.',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#9b1c1c',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,json,xlsx}'],
        maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
        navigateFallback: 'index.html',
      },
    }),
  ],
  worker: { format: 'es' },
  build: {
    outDir: process.env.OUT_DIR ?? 'dist',
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1' },
  preview: {
    host: '127.0.0.1',
    headers: SECURITY_HEADERS,
    // The sync tests' stand-in for the office's reverse proxy: /couchdb on the app's origin → the CouchDB server.
    proxy: process.env.ANJU_SYNC_PROXY
      ? {
          '/couchdb': {
            target: process.env.ANJU_SYNC_PROXY,
            rewrite: (path) => path.replace(/^\/couchdb/, ''),
          },
        }
      : undefined,
  },
});
