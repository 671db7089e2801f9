// Analytics: pure (Ledger, Settings) -> Report.
