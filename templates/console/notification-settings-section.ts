import { html, type SafeHtml } from '../html';

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
export function notificationSettingsForm(): SafeHtml {
  return html`<form id="notifications-form" novalidate aria-labelledby="notifications-title">
<fieldset id="notifications"><legend id="notifications-title">Notifications to the Commission team</legend>
<label for="notifyAddresses">Addresses to notify, one per line (at most 20)</label>
<textarea id="notifyAddresses" rows="3" autocomplete="off" spellcheck="false" placeholder="ports-alliance-team@ec.europa.eu" aria-describedby="notify-hint"></textarea>
<p class="muted" id="notify-hint">They are emailed, in English, with a link to the console page that needs them. Nobody is notified while the list is empty. These settings can change until the declaration is closed.</p>
<fieldset><legend>Email them when</legend>
${NOTIFICATION_KIND_LABELS.map((kind) => html`<div><input type="checkbox" id="notify-${kind.id}" data-notify-kind="${kind.id}" checked><label class="inline-label" for="notify-${kind.id}">${kind.label}</label></div>`)}
</fieldset>
<div><button type="submit" id="save-notifications" hidden>Save the notifications</button></div>
</fieldset>
</form>`;
}
