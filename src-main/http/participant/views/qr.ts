import { toString as qrToString } from 'qrcode';

/**
 * The invite link as an SVG QR code for the organizer to show or print. Medium error correction
 * and a 4-module quiet zone keep it readable by old phone cameras.
 */
export async function qrSvg(text: string): Promise<string> {
  const svg = await qrToString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  return svg.replace('<svg ', '<svg role="img" aria-label="QR code of the invite link" ');
}
