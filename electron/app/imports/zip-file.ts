/**
 * Reads the zip packages behind .xlsx and .docx files with their sizes checked: the number of
 * parts and the sizes they declare are checked before anything is inflated, and every part is
 * inflated with a counter that stops at the size it declared, so a zip bomb (a small file that
 * inflates to gigabytes, whether it declares so or lies) is refused after a few bytes too many.
 */
import path from 'node:path';
import zlib from 'node:zlib';
import { AppError } from '../../../shared/errors.ts';
import { formatBytes, formatCount, overLimit, type ZipLimits } from './limits.ts';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated: the only two Office writes. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  dataOffset: number;
}

export interface ZipPackage {
  file: string;
  bytes: Buffer;
  entries: Map<string, ZipEntry>;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_COMMENT = 0xffff;

/** Why a package cannot be read, in the words of the kind of file it should be. */
export type NotAPackage = (reason: string) => AppError;

function endOfDirectory(bytes: Buffer): number {
  const earliest = Math.max(0, bytes.length - 22 - MAX_COMMENT);
  for (let at = bytes.length - 22; at >= earliest; at--) if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  return -1;
}

/** Lists a package's parts, refusing more parts or more declared bytes than the limits allow. */
export function openZip(file: string, bytes: Buffer, limits: ZipLimits, notAPackage: NotAPackage): ZipPackage {
  const end = bytes.length >= 22 ? endOfDirectory(bytes) : -1;
  if (end < 0) throw notAPackage('it is not a zip package');
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw notAPackage('it uses the ZIP64 format, which only files far larger than LinkDesk reads need');
  if (count > limits.entries) throw overLimit(file, `has more than ${formatCount(limits.entries)} parts inside`, formatCount(limits.entries));
  if (directoryOffset + directorySize > end) throw notAPackage('its list of contents is damaged');
  const entries = new Map<string, ZipEntry>();
  let declared = 0;
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) throw notAPackage('its list of contents is damaged');
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const uncompressedSize = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, Math.min(end, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 0x1) throw notAPackage('it is password-protected');
    if (method !== 0 && method !== 8) throw notAPackage('it is compressed in a way Office does not use');
    if (entries.has(name)) throw notAPackage(`it holds two parts named ${name}`);
    declared += uncompressedSize;
    if (declared > limits.uncompressedBytes) {
      throw overLimit(file, `would take more than ${formatBytes(limits.uncompressedBytes)} once unpacked`, formatBytes(limits.uncompressedBytes));
    }
    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL_HEADER) throw notAPackage('a part of it is damaged');
    const dataOffset = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    if (dataOffset + compressedSize > bytes.length) throw notAPackage('it is cut short');
    entries.set(name, { name, method, compressedSize, uncompressedSize, dataOffset });
  }
  return { file, bytes, entries };
}

function lyingPart(entry: ZipEntry, notAPackage: NotAPackage): AppError {
  return notAPackage(`its part ${entry.name} unpacks to more or less than the ${formatCount(entry.uncompressedSize)} bytes it declares (damaged, or a "zip bomb")`);
}

/** One part, whole: inflation stops at the size the part declared. For the small parts (workbook, styles, templates). */
export function inflateEntry(pkg: ZipPackage, entry: ZipEntry, notAPackage: NotAPackage): Buffer {
  const packed = pkg.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let out: Buffer;
  if (entry.method === 0) out = packed;
  else {
    try {
      out = zlib.inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch {
      throw lyingPart(entry, notAPackage);
    }
  }
  if (out.length !== entry.uncompressedSize) throw lyingPart(entry, notAPackage);
  return out;
}

/** One part as text in pieces, for the large parts (a worksheet, its shared strings): memory stays bounded. */
export async function* inflateEntryText(pkg: ZipPackage, entry: ZipEntry, notAPackage: NotAPackage): AsyncGenerator<string> {
  const packed = pkg.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  const decoder = new TextDecoder('utf-8');
  if (entry.method === 0) {
    if (packed.length !== entry.uncompressedSize) throw lyingPart(entry, notAPackage);
    for (let at = 0; at < packed.length; at += 256 * 1024) yield decoder.decode(packed.subarray(at, at + 256 * 1024), { stream: true });
    yield decoder.decode();
    return;
  }
  const inflater = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
  inflater.end(packed);
  let total = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > entry.uncompressedSize) throw lyingPart(entry, notAPackage);
      yield decoder.decode(chunk, { stream: true });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw lyingPart(entry, notAPackage);
  } finally {
    inflater.destroy();
  }
  if (total !== entry.uncompressedSize) throw lyingPart(entry, notAPackage);
  yield decoder.decode();
}

/** A part's path from a relationship target: relative to the part that names it, or from the root. */
export function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
}
