import { html, type SafeHtml } from '../html';
import { CONSOLE_MESSAGES, type ConsoleLanguage } from './i18n';

/** What each kind of notification is, as an admin reads it (the ids are the API's). */
export const NOTIFICATION_KIND_LABELS = [
  { id: 'review', label: 'A signature is flagged for review' },
  { id: 'failure', label: 'A commitment fails' },
  { id: 'undeliverable', label: 'A contact is undeliverable (bounce, complaint, reject)' },
  { id: 'declined', label: 'An organisation declines, with its reason' },
  { id: 'digest', label: 'A daily digest while the declaration is open' },
] as const;

/**
 * Who in the Commission team is emailed, and about what. Its own form: unlike the text, it can
 * change while the declaration is open (its button saves it alone); on a new declaration its
 * values go with the declaration.
 */
export function notificationSettingsForm(language: ConsoleLanguage = 'en'): SafeHtml {
  const m = CONSOLE_MESSAGES[language].declarationForm;
  const kindLabels = { review: m.kindReview, failure: m.kindFailure, undeliverable: m.kindUndeliverable, declined: m.kindDeclined, digest: m.kindDigest };
  return html`<form id="notifications-form" novalidate aria-labelledby="notifications-title">
<fieldset id="notifications"><legend id="notifications-title">${m.notifications}</legend>
<label for="notifyAddresses">${m.notifyAddresses}</label>
<textarea id="notifyAddresses" rows="3" autocomplete="off" spellcheck="false" placeholder="ports-alliance-team@ec.europa.eu" aria-describedby="notify-hint"></textarea>
<p class="muted" id="notify-hint">${m.notifyHint}</p>
<fieldset><legend>${m.emailWhen}</legend>
${NOTIFICATION_KIND_LABELS.map((kind) => html`<div><input type="checkbox" id="notify-${kind.id}" data-notify-kind="${kind.id}" checked><label class="inline-label" for="notify-${kind.id}">${kindLabels[kind.id]}</label></div>`)}
</fieldset>
<div><button type="submit" id="save-notifications" hidden>${m.saveNotifications}</button></div>
</fieldset>
</form>`;
}
