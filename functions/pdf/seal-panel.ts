import { X509Certificate } from 'node:crypto';
import type { PadesLevel } from './pades-level';
import { wrapLine, type PageWriter } from './page-writer';
import { COLORS, LABEL_COLUMN_WIDTH, formatUtc, writeHeading, writeRows, type DocumentLabels, type Styles } from './typesetting';

/** What the first page says about the seal the document is about to receive. */
export interface SealPanel {
  /** Whose certificate seals: its subject, as a reader names it (see `sealSubjectName`). */
  readonly sealedBy: string;
  /** ISO 8601: the time of sealing the operation uses (the signature's claimed signing time). */
  readonly sealedAt: string;
  /** The PAdES level the sealed document carries. */
  readonly level: PadesLevel;
}

/**
 * The seal panel: who sealed, when, to which PAdES level, and how to check it. From B-T on, the trusted
 * time is the timestamp authority's, which can differ from ours by the time the round trip takes, so the
 * panel says where it is.
 */
export function writeSealPanel(writer: PageWriter, styles: Styles, labels: DocumentLabels, seal: SealPanel): void {
  const notes = seal.level === 'B-B' ? [labels.seal.howToCheck] : [labels.seal.trustedTime, labels.seal.howToCheck];
  const noteWidth = writer.contentWidth - LABEL_COLUMN_WIDTH;
  const noteLines = notes.reduce((count, note) => count + wrapLine(writer.printable(note), styles.small, noteWidth).length, 0);
  // The whole panel on one page: its rows (the subject may take two lines) and its notes.
  writeHeading(writer, styles, labels.seal.heading, 4 * styles.body.leading + noteLines * styles.small.leading + 4 * notes.length + 4);
  writer.markInMargin(() => {
    writeRows(writer, styles, [
      [labels.seal.sealedBy, seal.sealedBy],
      [labels.seal.sealedAt, formatUtc(seal.sealedAt, 'seal.sealedAt')],
      [labels.seal.level, `PAdES ${seal.level}`],
    ]);
    writer.skip(2);
    for (const note of notes) {
      writer.text(note, styles.small, writer.contentLeft + LABEL_COLUMN_WIDTH, noteWidth);
      writer.skip(2);
    }
  }, COLORS.accent);
}

/**
 * A certificate's subject as a reader names it: the common name, then the organisation and country when
 * they add something ("European Commission seal, European Commission (BE)"). Falls back to the whole
 * distinguished name.
 */
export function sealSubjectName(certificateDer: Uint8Array): string {
  const subject = new X509Certificate(certificateDer).subject;
  const attributes = new Map<string, string>();
  for (const line of subject.split('\n')) {
    const separator = line.indexOf('=');
    if (separator > 0 && !attributes.has(line.slice(0, separator))) attributes.set(line.slice(0, separator), line.slice(separator + 1));
  }
  const commonName = attributes.get('CN');
  const organisation = attributes.get('O');
  const country = attributes.get('C');
  if (!commonName && !organisation) return subject.split('\n').join(', ');
  const names = [commonName, organisation].filter((name, index, all): name is string => Boolean(name) && all.indexOf(name) === index);
  return `${names.join(', ')}${country ? ` (${country})` : ''}`;
}
