/** The joint declaration section of the declaration page (admins) and the audit page (auditors). */
import type { JointDeclarationAnswer, JointDeclarationPreview } from './api-types';
import { act, api, clear, count, COUNTS, el, fill, fmtDate, fmtNumber, say, T } from './core';

export interface JointDeclarationContext {
  readonly declarationId: string;
  /** The declaration's status: OPEN, CLOSED, DRAFT. */
  readonly status: string;
  /** Admins make it (and previews); auditors download it. */
  readonly isAdmin: boolean;
}

/** Downloads a file of the files bucket: the URL answers it as an attachment, so the page stays. */
function follow(url: string): void {
  location.assign(url);
}

/** Shows whether the joint declaration exists, and the actions that fit: download, make, preview. */
export async function showJointDeclaration(section: HTMLElement, context: JointDeclarationContext): Promise<void> {
  const path = `/api/declarations/${encodeURIComponent(context.declarationId)}/joint-declaration`;
  // Only a closed declaration can have one: an open or draft one is not asked about.
  const answer = context.status === 'CLOSED' ? await api<Partial<JointDeclarationAnswer>>(path, { accept: [404] }) : {};
  const body = clear(section);
  if (answer.jointDeclaration) {
    const sealed = answer.jointDeclaration;
    const downloadButton = el('button', { type: 'button', class: 'primary', id: 'joint-download' }, T.jointDownload);
    downloadButton.addEventListener('click', () => act(downloadButton, async () => {
      const fresh = await api<JointDeclarationAnswer>(path);
      follow(fresh.download.url);
      say(T.jointDownloading);
    }));
    body.append(
      el('p', { id: 'joint-state' }, fill(T.jointSealed, { date: fmtDate(sealed.sealedAt), signatories: count(sealed.signatoryCount, COUNTS.signatory), size: fmtNumber(sealed.size / 1_000_000, { maximumFractionDigits: 1 }) })),
      el('p', { class: 'mono' }, `SHA-256 ${sealed.sha256}`),
      el('p', {}, downloadButton));
    return;
  }
  const state = el('p', { id: 'joint-state' });
  body.append(state);
  if (context.status === 'CLOSED' && context.isAdmin) {
    state.textContent = T.jointNotMade;
    const make = el('button', { type: 'button', class: 'primary', id: 'joint-make' }, T.jointMake);
    make.addEventListener('click', () => act(make, async () => {
      await api(`${path}`, { method: 'POST' });
      say(T.jointMade);
      await showJointDeclaration(section, context);
    }));
    body.append(el('p', {}, make));
  } else if (context.status === 'OPEN' && context.isAdmin) {
    state.textContent = T.jointPreviewIntro;
    const preview = el('button', { type: 'button', id: 'joint-preview' }, T.jointPreview);
    preview.addEventListener('click', () => act(preview, async () => {
      const made = await api<JointDeclarationPreview>(`/api/declarations/${encodeURIComponent(context.declarationId)}/joint-declaration-preview`, { method: 'POST' });
      follow(made.download.url);
      say(fill(T.jointPreviewDownloading, { signatories: count(made.preview.signatoryCount, COUNTS.signatory) }));
    }));
    body.append(el('p', {}, preview));
  } else {
    state.textContent = context.status === 'CLOSED'
      ? T.jointNoneYet
      : T.jointOnceClosed;
  }
}
