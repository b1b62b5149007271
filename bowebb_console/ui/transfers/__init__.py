"""The Transfers screen: SFTP inside a file-transfer session (see view.TransfersView)."""
