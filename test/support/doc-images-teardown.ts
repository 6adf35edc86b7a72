import { fileURLToPath } from 'node:url';
import { cleanDocImages } from './doc-images';

/** After the browser suites (which retake the screenshots in docs/): every image re-encoded clean. */
export function teardown(): void {
  cleanDocImages(fileURLToPath(new URL('../../docs', import.meta.url)));
}
