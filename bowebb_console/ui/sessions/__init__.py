"""Consent-first support sessions: the Sessions screen and the pieces other screens embed.

Public entry points: ``start_session_for(ctx, customer_id, parent)`` (the consent dialog),
``CustomerSessionsPanel(ctx, customer_id)``, ``SessionTimeline(ctx, session_uuid)``,
``SessionsView(ctx)`` and ``VerifyLogBox(ctx)``. Import them from their modules (this package
imports nothing at load, so start-up stays cheap).
"""
