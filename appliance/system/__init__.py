"""The appliance itself: doctor, backup/restore, systemd integration, network guard."""
