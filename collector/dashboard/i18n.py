# SPDX-License-Identifier: MIT
"""The dashboard's words in English and French, and how numbers and dates read.

Every label of the page goes through :meth:`Words.t`; a test checks that both
languages have every message and the same placeholders. The language is
``?lang=`` when given, else the best of ``Accept-Language``, else
``dashboard.language``.
"""

from __future__ import annotations

import datetime
import re
import string
from typing import Final

from collector.dashboard.intune_words import INTUNE_MESSAGES
from collector.dashboard.settings import Language
from collector.logging import DEV_WARNING

LANGUAGES: Final[tuple[Language, ...]] = ("en", "fr")
# French groups thousands with a narrow no-break space (U+202F) and puts a
# no-break space (U+00A0) before %.
_NNBSP: Final = "\u202f"
_NBSP: Final = "\u00a0"

MESSAGES: Final[dict[str, dict[Language, str]]] = {
    "title": {"en": "Migration dashboard", "fr": "Tableau de bord de la migration"},
    "product": {"en": "Intune Migration Helper", "fr": "Intune Migration Helper"},
    "generated": {"en": "Updated {time}", "fr": "Mis à jour le {time}"},
    "switch_language": {"en": "Français", "fr": "English"},
    "dev_banner": {
        "en": DEV_WARNING,
        "fr": "MODE DÉVELOPPEMENT : les jetons non signés sont acceptés ; "
        "n’exposez jamais ce collecteur",
    },
    "nav": {"en": "Sections", "fr": "Sections"},
    "sec_summary": {"en": "Summary", "fr": "Synthèse"},
    "sec_waves": {"en": "Waves", "fr": "Vagues"},
    "sec_wave_states": {"en": "Wave × state", "fr": "Vague × état"},
    "sec_vendors": {"en": "Old EMM vendors", "fr": "Anciens EMM"},
    "sec_os": {"en": "Operating systems", "fr": "Systèmes d’exploitation"},
    "sec_errors": {"en": "Top error codes", "fr": "Codes d’erreur fréquents"},
    "sec_stale": {
        "en": "No progress for {days} days",
        "fr": "Aucun progrès depuis {days} jours",
    },
    "sec_stale_short": {"en": "No progress", "fr": "Sans progrès"},
    "sec_never": {
        "en": "Expected devices that never ran the helper",
        "fr": "Appareils attendus qui n’ont jamais lancé l’assistant",
    },
    "sec_never_short": {"en": "Never ran", "fr": "Jamais lancé"},
    "sec_expected": {
        "en": "Upload the old EMM's device list",
        "fr": "Importer la liste des appareils de l’ancien EMM",
    },
    "sec_expected_short": {"en": "Device list", "fr": "Liste d’appareils"},
    "never_intro": {
        "en": "These devices are in the old EMM's list but never reported: "
        "conditional access will lock them out on their wave's date.",
        "fr": "Ces appareils figurent dans la liste de l’ancien EMM mais n’ont "
        "jamais rien signalé : l’accès conditionnel les bloquera à la date de "
        "leur vague.",
    },
    "waves_intro": {
        "en": "A wave is ready for the old EMM to be switched off when every "
        "device reporting in it has left the old EMM (or never had one) and is "
        "in Intune, and no expected device of the wave is missing.",
        "fr": "Une vague est prête pour l’arrêt de l’ancien EMM quand tous ses "
        "appareils ont quitté l’ancien EMM (ou n’en ont jamais eu) et sont dans "
        "Intune, et qu’aucun appareil attendu de la vague ne manque.",
    },
    "stale_intro": {
        "en": "Unfinished migrations whose last step changed more than {days} "
        "days ago (heartbeats do not count as progress).",
        "fr": "Migrations inachevées dont la dernière étape a changé il y a plus "
        "de {days} jours (les signaux de présence ne comptent pas).",
    },
    "stale_days_label": {"en": "Days without progress", "fr": "Jours sans progrès"},
    "show": {"en": "Show", "fr": "Afficher"},
    "total_devices": {"en": "Devices reporting", "fr": "Appareils signalés"},
    "total_still_legacy": {
        "en": "Still in the old EMM (or unknown)",
        "fr": "Encore dans l’ancien EMM (ou inconnu)",
    },
    "total_safe": {
        "en": "Out of the old EMM and in Intune",
        "fr": "Hors de l’ancien EMM et dans Intune",
    },
    "total_expected": {"en": "Expected devices", "fr": "Appareils attendus"},
    "total_never": {
        "en": "Never ran the helper",
        "fr": "N’ont jamais lancé l’assistant",
    },
    "total_stale": {"en": "No progress", "fr": "Sans progrès"},
    "total_unconfirmed": {
        "en": "Reported, not confirmed (do not count yet)",
        "fr": "Signalés, non confirmés (pas encore comptés)",
    },
    "total_flagged_users": {
        "en": "Users reporting many devices",
        "fr": "Utilisateurs signalant de nombreux appareils",
    },
    "state_not-started": {"en": "Not started", "fr": "Pas commencé"},
    "state_in-progress": {"en": "In progress", "fr": "En cours"},
    "state_succeeded": {"en": "Succeeded", "fr": "Réussi"},
    "state_failed": {"en": "Failed", "fr": "Échec"},
    "state_blocked": {"en": "Blocked (needs IT)", "fr": "Bloqué (attend l’IT)"},
    "state_deferred": {"en": "Deferred", "fr": "Reporté"},
    "col_wave": {"en": "Wave", "fr": "Vague"},
    "col_lockout": {"en": "Conditional access", "fr": "Accès conditionnel"},
    "col_days_left": {"en": "Days left", "fr": "Jours restants"},
    "col_expected": {"en": "Expected", "fr": "Attendus"},
    "col_reporting": {"en": "Reporting", "fr": "Signalés"},
    "col_never": {"en": "Never ran", "fr": "Jamais lancé"},
    "col_still_legacy": {"en": "Still in old EMM", "fr": "Encore dans l’ancien EMM"},
    "col_not_intune": {"en": "Not yet in Intune", "fr": "Pas encore dans Intune"},
    "col_ready": {
        "en": "Ready to switch the old EMM off",
        "fr": "Prête pour l’arrêt de l’ancien EMM",
    },
    "col_total": {"en": "Devices", "fr": "Appareils"},
    "col_vendor": {"en": "Vendor", "fr": "Éditeur"},
    "col_left": {
        "en": "Left or never enrolled",
        "fr": "Sortis ou jamais inscrits",
    },
    "col_still": {"en": "Still enrolled", "fr": "Encore inscrits"},
    "col_unknown": {"en": "Unknown", "fr": "Inconnu"},
    "col_os": {"en": "OS", "fr": "Système"},
    "col_code": {"en": "Code", "fr": "Code"},
    "col_state": {"en": "State", "fr": "État"},
    "col_stage": {"en": "Stage", "fr": "Étape"},
    "col_share": {"en": "Share", "fr": "Part"},
    "col_device": {"en": "Device", "fr": "Appareil"},
    "col_user": {"en": "User", "fr": "Utilisateur"},
    "col_user_oid": {"en": "User (object id)", "fr": "Utilisateur (object id)"},
    "col_last_progress": {"en": "Last progress", "fr": "Dernier progrès"},
    "col_idle_days": {"en": "Days idle", "fr": "Jours d’inactivité"},
    "col_last_report": {"en": "Last report", "fr": "Dernier signalement"},
    "col_serial_hmac": {"en": "Serial (HMAC)", "fr": "N° de série (HMAC)"},
    "col_links": {"en": "Export", "fr": "Export"},
    "col_line": {"en": "Line", "fr": "Ligne"},
    "col_problem": {"en": "Problem", "fr": "Problème"},
    "col_value": {"en": "Value", "fr": "Valeur"},
    "yes": {"en": "Yes", "fr": "Oui"},
    "no": {"en": "No", "fr": "Non"},
    "no_data": {"en": "No devices yet", "fr": "Aucun appareil"},
    "no_wave": {"en": "(no wave)", "fr": "(sans vague)"},
    "no_vendor": {"en": "(none detected)", "fr": "(aucun détecté)"},
    "not_configured": {"en": "(not configured)", "fr": "(non configurée)"},
    "empty": {"en": "Nothing to show.", "fr": "Rien à afficher."},
    "days_in": {"en": "in {n} days", "fr": "dans {n} jours"},
    "days_in_one": {"en": "in 1 day", "fr": "dans 1 jour"},
    "days_today": {"en": "today", "fr": "aujourd’hui"},
    "days_ago": {"en": "{n} days ago", "fr": "il y a {n} jours"},
    "days_ago_one": {"en": "1 day ago", "fr": "il y a 1 jour"},
    "shown_of": {
        "en": "Showing {shown} of {total}; the CSV has them all.",
        "fr": "{shown} affichés sur {total} ; le CSV les contient tous.",
    },
    "csv": {"en": "CSV", "fr": "CSV"},
    "csv_table": {
        "en": "Download this table (CSV)",
        "fr": "Télécharger ce tableau (CSV)",
    },
    "csv_devices": {
        "en": "Latest state of every device (CSV)",
        "fr": "Dernier état de chaque appareil (CSV)",
    },
    "csv_events": {"en": "Raw events (CSV)", "fr": "Événements bruts (CSV)"},
    "csv_ready": {
        "en": "Devices safe to remove from the old EMM (CSV)",
        "fr": "Appareils à retirer de l’ancien EMM sans risque (CSV)",
    },
    "csv_wave_devices": {"en": "devices", "fr": "appareils"},
    "csv_wave_ready": {"en": "ready devices", "fr": "appareils prêts"},
    "sort_hint": {"en": "Sort by {column}", "fr": "Trier par {column}"},
    "expected_intro": {
        "en": "Upload the device list exported from the old EMM as CSV: a serial "
        "number column, and optionally wave and user columns (header names in "
        "English or French; comma, semicolon or tab).",
        "fr": "Importez la liste des appareils exportée de l’ancien EMM en CSV : "
        "une colonne de numéros de série et, si besoin, des colonnes vague et "
        "utilisateur (en-têtes en français ou en anglais ; virgule, "
        "point-virgule ou tabulation).",
    },
    "privacy_no_users": {
        "en": "Only an HMAC of each serial number and the wave are stored; user "
        "names are not stored.",
        "fr": "Seuls un HMAC de chaque numéro de série et la vague sont "
        "conservés ; les noms d’utilisateur ne le sont pas.",
    },
    "privacy_users": {
        "en": "An HMAC of each serial number, the wave and the user column are "
        "stored (dashboard.store_expected_users).",
        "fr": "Un HMAC de chaque numéro de série, la vague et la colonne "
        "utilisateur sont conservés (dashboard.store_expected_users).",
    },
    "upload_disabled": {
        "en": "Not available: set dashboard.serial_hmac_key (the helper's "
        "tenant.serial_hmac_key) first.",
        "fr": "Indisponible : renseignez d’abord dashboard.serial_hmac_key (la "
        "clé tenant.serial_hmac_key de l’assistant).",
    },
    "field_file": {"en": "Device list (CSV)", "fr": "Liste d’appareils (CSV)"},
    "field_wave": {
        "en": "Wave of rows without one (optional)",
        "fr": "Vague des lignes qui n’en ont pas (facultatif)",
    },
    "mode_merge": {
        "en": "Add to the stored list (update known devices)",
        "fr": "Ajouter à la liste conservée (mettre à jour les appareils connus)",
    },
    "mode_replace": {
        "en": "Replace the stored list",
        "fr": "Remplacer la liste conservée",
    },
    "upload": {"en": "Upload", "fr": "Importer"},
    "match_title": {
        "en": "Which devices of a list never ran the helper?",
        "fr": "Quels appareils d’une liste n’ont jamais lancé l’assistant ?",
    },
    "match_intro": {
        "en": "Send the same CSV to get its rows, serial numbers included, for "
        "the devices that never reported. Nothing is stored.",
        "fr": "Envoyez le même CSV pour obtenir ses lignes, numéros de série "
        "compris, pour les appareils qui n’ont rien signalé. Rien n’est conservé.",
    },
    "match_button": {
        "en": "Download the missing devices (CSV)",
        "fr": "Télécharger les appareils manquants (CSV)",
    },
    "stored_count": {
        "en": "{count} expected devices stored.",
        "fr": "{count} appareils attendus conservés.",
    },
    "result_title": {"en": "Device list imported", "fr": "Liste d’appareils importée"},
    "result_failed": {
        "en": "The device list was not imported",
        "fr": "La liste d’appareils n’a pas été importée",
    },
    "result_lines": {"en": "Rows read", "fr": "Lignes lues"},
    "result_imported": {"en": "Devices imported", "fr": "Appareils importés"},
    "result_replaced": {"en": "Devices replaced", "fr": "Appareils remplacés"},
    "result_total": {
        "en": "Expected devices stored",
        "fr": "Appareils attendus conservés",
    },
    "result_problems": {"en": "Rows not imported", "fr": "Lignes non importées"},
    "result_format": {
        "en": "Read as {encoding}, delimiter {delimiter}, columns: {columns}.",
        "fr": "Lu en {encoding}, séparateur {delimiter}, colonnes : {columns}.",
    },
    "back": {"en": "Back to the dashboard", "fr": "Retour au tableau de bord"},
    "problem_serial-missing": {
        "en": "no serial number",
        "fr": "pas de numéro de série",
    },
    "problem_serial-placeholder": {
        "en": "placeholder serial number (never reported by devices)",
        "fr": "numéro de série factice (jamais signalé par les appareils)",
    },
    "problem_wave-invalid": {
        "en": "wave id with spaces or symbols",
        "fr": "identifiant de vague avec espaces ou symboles",
    },
    "problem_wave-unknown": {
        "en": "wave not in dashboard.waves",
        "fr": "vague absente de dashboard.waves",
    },
    "problem_duplicate": {
        "en": "serial number repeated (first row kept)",
        "fr": "numéro de série répété (première ligne gardée)",
    },
    "problem_duplicate-conflict": {
        "en": "serial number repeated with another wave (first row kept)",
        "fr": "numéro de série répété avec une autre vague (première ligne gardée)",
    },
    "problem_too-long": {"en": "value too long", "fr": "valeur trop longue"},
    "file_no-key": {
        "en": "dashboard.serial_hmac_key is not set.",
        "fr": "dashboard.serial_hmac_key n’est pas renseignée.",
    },
    "file_empty": {"en": "The file is empty.", "fr": "Le fichier est vide."},
    "file_not-text": {
        "en": "This is not a CSV text file (save it as CSV, not .xlsx).",
        "fr": "Ce n’est pas un fichier texte CSV (enregistrez-le en CSV, "
        "pas en .xlsx).",
    },
    "file_not-csv": {
        "en": "This is not valid CSV.",
        "fr": "Ce n’est pas un CSV valide.",
    },
    "file_no-serial-column": {
        "en": "No serial number column (a header such as “Serial Number”).",
        "fr": "Pas de colonne de numéro de série (un en-tête comme "
        "« Numéro de série »).",
    },
    "file_too-many-rows": {
        "en": "Too many rows: split the file.",
        "fr": "Trop de lignes : découpez le fichier.",
    },
    "file_too-large": {
        "en": "The file is larger than dashboard.max_upload_bytes.",
        "fr": "Le fichier dépasse dashboard.max_upload_bytes.",
    },
    "file_no-file": {"en": "No file was sent.", "fr": "Aucun fichier envoyé."},
    "file_bad-form": {
        "en": "The form could not be read.",
        "fr": "Le formulaire n’a pas pu être lu.",
    },
    "file_bad-wave": {
        "en": "The default wave is not a configured wave id.",
        "fr": "La vague par défaut n’est pas une vague configurée.",
    },
    "sec_history": {"en": "Progress over time", "fr": "Progression dans le temps"},
    "sec_history_short": {"en": "Progress", "fr": "Progression"},
    "history_intro": {
        "en": "Per wave and day (UTC days of arrival): devices left to migrate "
        "(in progress, or not reported yet) toward the conditional-access date, "
        "and the share of the wave migrated each day. Only confirmed devices "
        "count as migrated.",
        "fr": "Par vague et par jour (jours UTC d’arrivée) : les appareils restant "
        "à migrer (en cours, ou pas encore signalés) jusqu’à la date d’accès "
        "conditionnel, et la part de la vague migrée chaque jour. Seuls les "
        "appareils confirmés comptent comme migrés.",
    },
    "chart_burndown_title": {
        "en": "{wave}: devices left to migrate, by day",
        "fr": "{wave} : appareils restant à migrer, par jour",
    },
    "chart_burndown_desc": {
        "en": "On {date}, {migrated} of {total} devices migrated ({share}); "
        "{in_progress} in progress; {not_reported} not reported yet.",
        "fr": "Le {date}, {migrated} appareils migrés sur {total} ({share}) ; "
        "{in_progress} en cours ; {not_reported} pas encore signalés.",
    },
    "chart_not_started": {
        "en": "The wave starts on {date}.",
        "fr": "La vague commence le {date}.",
    },
    "chart_daily_title": {
        "en": "{wave}: share of the devices migrated each day",
        "fr": "{wave} : part des appareils migrés chaque jour",
    },
    "chart_daily_desc": {
        "en": "Most in one day: {best} devices, on {date}; over the last "
        "7 days: {pace} a day.",
        "fr": "Record sur une journée : {best} appareils, le {date} ; sur les "
        "7 derniers jours : {pace} par jour.",
    },
    "chart_daily_none": {
        "en": "No device migrated yet.",
        "fr": "Aucun appareil migré pour l’instant.",
    },
    "series_migrated": {"en": "Migrated", "fr": "Migrés"},
    "series_in_progress": {"en": "In progress", "fr": "En cours"},
    "series_not_reported": {"en": "Not reported yet", "fr": "Pas encore signalés"},
    "series_plan": {
        "en": "Steady pace to the date",
        "fr": "Rythme régulier jusqu’à la date",
    },
    "series_daily": {"en": "Share migrated that day", "fr": "Part migrée ce jour-là"},
    "series_daily_count": {"en": "Migrated that day", "fr": "Migrés ce jour-là"},
    "series_needed": {
        "en": "Needed each day to finish by the date",
        "fr": "Nécessaire chaque jour pour finir à la date",
    },
    "marker_lockout": {"en": "Conditional access", "fr": "Accès conditionnel"},
    "badge_done": {"en": "Done", "fr": "Terminée"},
    "badge_on-track": {"en": "On track", "fr": "Dans les temps"},
    "badge_behind": {"en": "Behind", "fr": "En retard"},
    "badge_late": {"en": "Date passed", "fr": "Date dépassée"},
    "badge_no-date": {"en": "No date", "fr": "Sans date"},
    "status_done": {
        "en": "Every device of the wave is migrated.",
        "fr": "Tous les appareils de la vague sont migrés.",
    },
    "status_on-track": {
        "en": "On track: {pace} devices a day over the last week; {needed} a day "
        "finish by {date}.",
        "fr": "Dans les temps : {pace} appareils par jour sur la dernière "
        "semaine ; {needed} par jour suffisent pour finir le {date}.",
    },
    "status_behind": {
        "en": "Behind: {pace} devices a day over the last week; {needed} a day "
        "are needed to finish by {date}.",
        "fr": "En retard : {pace} appareils par jour sur la dernière semaine ; "
        "il en faut {needed} par jour pour finir le {date}.",
    },
    "status_late": {
        "en": "Conditional access started on {date}: {remaining} devices are "
        "not migrated.",
        "fr": "L’accès conditionnel a commencé le {date} : {remaining} appareils "
        "ne sont pas migrés.",
    },
    "status_no-date": {
        "en": "No conditional-access date configured; {pace} devices a day over "
        "the last week.",
        "fr": "Aucune date d’accès conditionnel configurée ; {pace} appareils par "
        "jour sur la dernière semaine.",
    },
    "history_table": {
        "en": "{wave}: the charts' data, by day",
        "fr": "{wave} : les données des graphiques, par jour",
    },
    "col_date": {"en": "Date", "fr": "Date"},
    "csv_history": {
        "en": "Progress of every wave by day (CSV)",
        "fr": "Progression de chaque vague par jour (CSV)",
    },
    "no_history": {
        "en": "No wave has devices yet.",
        "fr": "Aucune vague n’a encore d’appareils.",
    },
    "csrf": {
        "en": "This form expired or came from another site: reload the "
        "dashboard and send it again.",
        "fr": "Ce formulaire a expiré ou vient d’un autre site : rechargez le "
        "tableau de bord et renvoyez-le.",
    },
}

MONTHS: Final[dict[Language, tuple[str, ...]]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
}

SHORT_MONTHS: Final[dict[Language, tuple[str, ...]]] = {
    "en": (
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "May",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Oct",
        "Nov",
        "Dec",
    ),
    "fr": (
        "janv.",
        "févr.",
        "mars",
        "avr.",
        "mai",
        "juin",
        "juil.",
        "août",
        "sept.",
        "oct.",
        "nov.",
        "déc.",
    ),
}

_QUALITY: Final = re.compile(r"^q=([01](?:\.\d{0,3})?)$")


def negotiate(
    query: str | None, accept_language: str | None, default: Language
) -> Language:
    """The page's language: ``?lang=``, else ``Accept-Language``, else ``default``."""
    for lang in LANGUAGES:
        if query == lang:
            return lang
    best: Language = default
    best_rank: tuple[float, int] | None = None
    for position, item in enumerate((accept_language or "").split(",")[:32]):
        tag, _, params = item.strip().partition(";")
        primary = tag.strip().lower().partition("-")[0]
        found = [c for c in LANGUAGES if c == primary]
        if not found:
            continue
        lang = found[0]
        quality = 1.0
        if params.strip():
            match = _QUALITY.match(params.strip().replace(" ", ""))
            if match is None:
                continue
            quality = float(match.group(1))
        if quality <= 0:
            continue
        # Higher quality wins; on a tie, the one listed first.
        rank = (quality, -position)
        if best_rank is None or rank > best_rank:
            best, best_rank = lang, rank
    return best


class Words:
    """Messages and formats of one language.

    Args:
        lang: ``en`` or ``fr``.
    """

    def __init__(self, lang: Language) -> None:
        self.lang: Language = lang

    def t(self, key: str, **values: object) -> str:
        """The message ``key`` with its ``{placeholders}`` filled (as text; the
        caller escapes)."""
        text = MESSAGES[key][self.lang]
        return text.format(**values) if values else text

    def number(self, value: int) -> str:
        """``12,345`` or ``12 345``."""
        text = f"{value:,}"
        return text.replace(",", _NNBSP) if self.lang == "fr" else text

    def percent(self, part: int, whole: int) -> str:
        """``12.5%`` or ``12,5 %`` (one decimal)."""
        share = 0.0 if whole == 0 else 100.0 * part / whole
        text = f"{share:.1f}"
        return f"{text.replace('.', ',')}{_NBSP}%" if self.lang == "fr" else f"{text}%"

    def decimal(self, value: float) -> str:
        """``12.5`` or ``12,5`` (one decimal, none when whole)."""
        text = f"{value:,.1f}".removesuffix(".0")
        if self.lang == "fr":
            text = text.replace(",", _NNBSP).replace(".", ",")
        return text

    def percent_value(self, value: float) -> str:
        """A percentage already computed: ``2.5%`` or ``2,5 %``."""
        text = self.decimal(value)
        return f"{text}{_NBSP}%" if self.lang == "fr" else f"{text}%"

    def short_date(self, day: datetime.date) -> str:
        """``Jun 15`` or ``15 juin`` (chart axes)."""
        month = SHORT_MONTHS[self.lang][day.month - 1]
        return f"{day.day} {month}" if self.lang == "fr" else f"{month} {day.day}"

    def date(self, day: datetime.date) -> str:
        """``May 4, 2026`` or ``4 mai 2026`` (``1er mai 2026``)."""
        month = MONTHS[self.lang][day.month - 1]
        if self.lang == "fr":
            first = "1er" if day.day == 1 else str(day.day)
            return f"{first} {month} {day.year}"
        return f"{month} {day.day}, {day.year}"

    def moment(self, when: datetime.datetime) -> str:
        """``May 4, 2026, 09:12 UTC`` or ``4 mai 2026 à 09:12 UTC``."""
        utc = when.astimezone(datetime.UTC)
        clock = utc.strftime("%H:%M")
        joint = " à " if self.lang == "fr" else ", "
        return f"{self.date(utc.date())}{joint}{clock} UTC"

    def days_left(self, days: int) -> str:
        """``in 3 days``, ``today``, ``2 days ago`` (and the French)."""
        if days == 0:
            return self.t("days_today")
        if days == 1:
            return self.t("days_in_one")
        if days == -1:
            return self.t("days_ago_one")
        if days > 0:
            return self.t("days_in", n=self.number(days))
        return self.t("days_ago", n=self.number(-days))


# The "Confirmed by Intune" section's words live beside it (issue 16).
MESSAGES.update(INTUNE_MESSAGES)


def placeholders(text: str) -> set[str]:
    """The ``{names}`` of a message (for the consistency test)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


__all__ = [
    "LANGUAGES",
    "MESSAGES",
    "MONTHS",
    "SHORT_MONTHS",
    "Words",
    "negotiate",
    "placeholders",
]
