# SPDX-License-Identifier: MIT
"""The approval queue's words, English and French, added to the dashboard's
own catalogue (:data:`collector.dashboard.i18n.MESSAGES`) so that its
language choice, its formatting and its both-languages test apply."""

from __future__ import annotations

from typing import Final

from collector.dashboard.i18n import MESSAGES
from collector.dashboard.settings import Language

RELEASE_MESSAGES: Final[dict[str, dict[Language, str]]] = {
    "rel_title": {"en": "Release requests", "fr": "Demandes de retrait"},
    "rel_intro": {
        "en": "Devices ready to leave the old EMM wait here when their wave is "
        "not released automatically, their identity is not confirmed, or another "
        "user reported the same serial number. Approving asks the old EMM to "
        "remove its management from the device.",
        "fr": "Les appareils prêts à quitter l’ancien EMM attendent ici quand leur "
        "vague n’est pas retirée automatiquement, que leur identité n’est pas "
        "confirmée ou qu’un autre utilisateur a déclaré le même numéro de série. "
        "Approuver demande à l’ancien EMM de retirer sa gestion de l’appareil.",
    },
    "rel_back": {"en": "Back to the dashboard", "fr": "Retour au tableau de bord"},
    "rel_waiting": {"en": "Waiting for approval", "fr": "En attente d’approbation"},
    "rel_recent": {"en": "Recent requests", "fr": "Demandes récentes"},
    "rel_none": {"en": "No request is waiting.", "fr": "Aucune demande en attente."},
    "rel_none_recent": {
        "en": "No request yet.",
        "fr": "Aucune demande pour l’instant.",
    },
    "rel_col_created": {"en": "Requested", "fr": "Demandée le"},
    "rel_col_vendor": {"en": "Old EMM", "fr": "Ancien EMM"},
    "rel_col_os": {"en": "System", "fr": "Système"},
    "rel_col_wave": {"en": "Wave", "fr": "Vague"},
    "rel_col_identity": {"en": "Identity", "fr": "Identité"},
    "rel_col_why": {"en": "Why it waits", "fr": "Pourquoi elle attend"},
    "rel_col_request": {"en": "Request", "fr": "Demande"},
    "rel_col_action": {"en": "Decision", "fr": "Décision"},
    "rel_col_state": {"en": "State", "fr": "État"},
    "rel_col_outcome": {"en": "Old EMM's answer", "fr": "Réponse de l’ancien EMM"},
    "rel_col_decided": {"en": "Decided by", "fr": "Décidée par"},
    "rel_approve": {"en": "Approve", "fr": "Approuver"},
    "rel_refuse": {"en": "Refuse", "fr": "Refuser"},
    "rel_identity_reported": {
        "en": "Reported by the device only",
        "fr": "Déclarée par l’appareil seulement",
    },
    "rel_identity_confirmed": {"en": "Confirmed", "fr": "Confirmée"},
    "rel_why_wave-not-automatic": {
        "en": "Its wave is not released automatically",
        "fr": "Sa vague n’est pas retirée automatiquement",
    },
    "rel_why_identity-reported": {
        "en": "Its identity is not confirmed",
        "fr": "Son identité n’est pas confirmée",
    },
    "rel_why_serial-contested": {
        "en": "Another user reported the same serial number",
        "fr": "Un autre utilisateur a déclaré le même numéro de série",
    },
    "rel_kill_on": {
        "en": "Kill switch on: no call is made to any old EMM; approved requests "
        "wait. Turn it off with “intune-migration-collector release-kill-switch off”.",
        "fr": "Arrêt d’urgence activé : aucun appel n’est fait aux anciens EMM ; "
        "les demandes approuvées attendent. Désactivez-le avec "
        "« intune-migration-collector release-kill-switch off ».",
    },
    "rel_dry_run": {
        "en": "Dry run: the old EMM is looked up but nothing is removed.",
        "fr": "Essai à blanc : l’ancien EMM est consulté mais rien n’est retiré.",
    },
    "rel_state_awaiting-approval": {"en": "Waiting for approval", "fr": "En attente"},
    "rel_state_in-progress": {"en": "In progress", "fr": "En cours"},
    "rel_state_released": {"en": "Released", "fr": "Retiré"},
    "rel_state_refused": {"en": "Refused", "fr": "Refusé"},
    "rel_state_failed": {"en": "Failed", "fr": "Échec"},
    "rel_outcome_released": {"en": "Command accepted", "fr": "Commande acceptée"},
    "rel_outcome_pending": {
        "en": "Waits for the device to be online",
        "fr": "Attend que l’appareil soit en ligne",
    },
    "rel_outcome_not-found": {
        "en": "Device not found in the old EMM",
        "fr": "Appareil introuvable dans l’ancien EMM",
    },
    "rel_outcome_refused": {
        "en": "Refused by the old EMM",
        "fr": "Refusé par l’ancien EMM",
    },
    "rel_outcome_rate-limited": {
        "en": "Old EMM busy: retried later",
        "fr": "Ancien EMM saturé : nouvel essai plus tard",
    },
    "rel_outcome_auth-failed": {
        "en": "The old EMM refused the collector's credentials",
        "fr": "L’ancien EMM a refusé les identifiants du collecteur",
    },
    "rel_outcome_vendor-error": {
        "en": "The old EMM did not answer properly",
        "fr": "L’ancien EMM n’a pas répondu correctement",
    },
    "rel_outcome_rejected": {
        "en": "Refused by IT",
        "fr": "Refusé par le service informatique",
    },
    "rel_outcome_none": {"en": "—", "fr": "—"},
    "rel_dry_run_mark": {"en": "(dry run)", "fr": "(essai à blanc)"},
    "rel_warn_filevault-key-destroyed": {
        "en": "The old EMM deleted its escrowed FileVault key with the record: "
        "check that Intune holds a new one.",
        "fr": "L’ancien EMM a supprimé la clé FileVault qu’il détenait avec la "
        "fiche : vérifiez qu’Intune en détient une nouvelle.",
    },
    "rel_warn_filevault-escrow-unknown": {
        "en": "Whether the old EMM held a FileVault key is unknown: check that "
        "Intune holds one.",
        "fr": "On ignore si l’ancien EMM détenait une clé FileVault : vérifiez "
        "qu’Intune en détient une.",
    },
    "rel_forbidden": {
        "en": "Your account does not have the approver role ({role}).",
        "fr": "Votre compte n’a pas le rôle d’approbateur ({role}).",
    },
    "rel_disabled": {
        "en": "Releases are not enabled on this collector (release.enabled).",
        "fr": "Les retraits ne sont pas activés sur ce collecteur (release.enabled).",
    },
    "rel_error_not-awaiting": {
        "en": "This request was already decided.",
        "fr": "Cette demande a déjà été traitée.",
    },
    "rel_error_request-unknown": {
        "en": "This request does not exist.",
        "fr": "Cette demande n’existe pas.",
    },
}

MESSAGES.update(RELEASE_MESSAGES)

__all__ = ["RELEASE_MESSAGES"]
