/**
 * A link as an SVG QR code for the organizer to show or print. Medium error correction and a
 * 4-module quiet zone keep it readable by old phone cameras. The QR library is loaded on first
 * use, not at launch.
 */
export async function qrSvg(text: string, label = 'QR code of the invite link'): Promise<string> {
  const { toString: qrToString } = await import('qrcode');
  const svg = await qrToString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  const safeLabel = label.replace(/[&<>"']/g, '');
  return svg.replace('<svg ', `<svg role="img" aria-label="${safeLabel}" `);
}
