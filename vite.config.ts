// Vite build: React app, the reader worker, the offline shell (PWA) and a strict CSP in built pages.
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { connectSrc } from './src/db/sync/config.ts';

// Only the built app gets the CSP: the dev server injects inline scripts for hot reload.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // A sync server on another origin is named at build time (ANJU_SYNC_ORIGIN); same-origin needs nothing.
  connectSrc(process.env.ANJU_SYNC_ORIGIN),
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

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
