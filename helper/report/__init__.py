# SPDX-License-Identifier: MIT
"""Status reporting: events for IT, a durable outbox, delivery to the collector.

Modules (import the one you need; this package imports nothing so that the
journey can use the outbox without paying for httpx):

- :mod:`helper.report.event`: the ``migration-status/1`` event model and schema;
- :mod:`helper.report.outbox`: the SQLite outbox (record, then send);
- :mod:`helper.report.journey_reporter`: journey events → outbox events;
- :mod:`helper.report.token`: the ``TokenProvider`` protocol delivery needs;
- :mod:`helper.report.http`: the one ``httpx.Client`` (truststore, proxies);
- :mod:`helper.report.retry`: the one delivery policy (Retry-After, back-off,
  refresh-once, split and park), shared with the collector's forwarder;
- :mod:`helper.report.delivery`: batching, ``Flusher`` and
  ``ReportingService`` (imports httpx);
- :mod:`helper.report.cmd_report`: ``intune-migration-helper report``.

See docs/reporting.md.
"""

from __future__ import annotations
