import { createApp } from './app.js';

const port = Number(process.env.PORT ?? 3000);
createApp().listen(port, '127.0.0.1', () => {
  console.log(
    `Portal on http://127.0.0.1:${port}/ — Kinerja at http://127.0.0.1:${port}/api/kinerja/v1/health`,
  );
});
