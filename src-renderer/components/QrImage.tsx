import { svgDataUrl } from '../lib/download';
import './ui.css';

/** A QR code from the core's SVG, shown as an image (never injected as markup). */
export function QrImage(props: { svg: string; alt: string }) {
  return <img className="qr" src={svgDataUrl(props.svg)} alt={props.alt} />;
}
