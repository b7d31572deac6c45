// Downloads of what the signed-in party may see, in the formats other tools read (KML for Google Earth and QGIS,
// GeoJSON, CSV, an Airspace Control Order). The key travels in the Authorization header, so the file is fetched
// here and handed to the browser as a blob rather than opened as a link.

import type { HubClient } from './api';
import { HttpError } from './api';
import { t } from './i18n/i18n';

/** Wires the header's download menu: each option's value is "path|file name". */
export function wireDownloads(select: HTMLSelectElement, client: HubClient, onError: (message: string) => void): void {
  select.addEventListener('change', () => {
    const [path, name] = select.value.split('|');
    select.value = '';
    if (!path || !name) return;
    void download(client, path, name).catch((e: unknown) =>
      onError(t('download.failed', { detail: e instanceof HttpError || e instanceof Error ? e.message : String(e) })));
  });
}

async function download(client: HubClient, path: string, name: string): Promise<void> {
  const url = URL.createObjectURL(await client.download(path));
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
