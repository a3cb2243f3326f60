// Draws the pages of a generated PDF into canvases with pdf.js, entirely offline: the
// worker is bundled with the app, and the fonts come from inside the PDF. pdf.js is loaded
// the first time a preview opens (it is most of the app's JavaScript), not at start.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

let pdfjs: Promise<typeof import('pdfjs-dist')> | null = null;

function loadPdfjs() {
  pdfjs ??= import('pdfjs-dist').then((module) => {
    module.GlobalWorkerOptions.workerSrc = workerUrl;
    return module;
  });
  return pdfjs;
}

/** Renders every page of `bytes` into `container`, replacing what was there. Returns the page count. */
export async function renderPreview(bytes: ArrayBuffer, container: HTMLElement, width: number): Promise<number> {
  const { getDocument } = await loadPdfjs();
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableAutoFetch: true }).promise;
  const canvases: HTMLCanvasElement[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const scale = width / page.getViewport({ scale: 1 }).width;
    const viewport = page.getViewport({ scale: scale * window.devicePixelRatio });
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = `${width}px`;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `Page ${number} of ${pdf.numPages}`);
    await page.render({ canvas, viewport }).promise;
    canvases.push(canvas);
  }
  container.replaceChildren(...canvases);
  await pdf.destroy();
  return canvases.length;
}
