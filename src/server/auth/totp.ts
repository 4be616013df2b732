import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/** RFC 6238 with the parameters every authenticator app supports: SHA-1, 6 digits, 30-second steps. */
const PERIOD = 30;
const ISSUER = 'RETA';

const totpOf = (secretBase32: string, label = ISSUER) =>
  new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });

/** A new 160-bit secret in base32, the form authenticator apps take by hand. */
export const newTotpSecret = () => new Secret({ size: 20 }).base32;

/** The 30-second step a code belongs to (the current one or one either side, for clock drift), or undefined. */
export function matchTotpStep(secretBase32: string, code: string, timestamp = Date.now()): number | undefined {
  const delta = totpOf(secretBase32).validate({ token: code, timestamp, window: 1 });
  if (delta === null) return undefined;
  return TOTP.counter({ period: PERIOD, timestamp }) + delta;
}

/** The otpauth:// address an app reads from the QR code, and the QR code itself as an SVG data URL. */
export async function enrolmentOf(secretBase32: string, label: string): Promise<{ otpauthUri: string; qrCode: string }> {
  const otpauthUri = totpOf(secretBase32, label).toString();
  const svg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { otpauthUri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}
