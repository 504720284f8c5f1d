"""The Qt window: every Qt import of the project lives in this package."""
