"""USB speakerphones: discovery (pyusb for ids, sysfs for the ALSA card and hidraw node), the
room map, hot-plug (polling: a recorder waits for its device and picks it up when plugged in)
and the HID telephony buttons (mute, hook) and LEDs."""

from __future__ import annotations

import logging
import os
import threading
import time
import tomllib
from dataclasses import asdict, dataclass
from pathlib import Path

from appliance.config import REPO_ROOT, Settings
from appliance.meetings.hid import HidLayout, parse_report_descriptor
from appliance.meetings.recorder import RecorderState

log = logging.getLogger(__name__)
PROFILES = REPO_ROOT / "firmware_config" / "speakerphones.toml"
SYS = Path("/sys")


@dataclass(frozen=True)
class Profile:
    name: str
    vendor_id: str
    product_id: str
    channels: int
    rate: int
    gain_db: float
    hid: bool


@dataclass(frozen=True)
class Device:
    id: str                 # vendor:product[:serial]
    profile_name: str
    channels: int
    rate: int
    gain_db: float
    alsa_pcm: str | None    # plughw:CARD=…
    hidraw: str | None      # /dev/hidrawN

    def as_dict(self) -> dict[str, str | int | float | None]:
        return asdict(self)


def load_profiles(path: Path = PROFILES) -> list[Profile]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [Profile(p["name"], p["vendor_id"].lower(), str(p["product_id"]).lower(), int(p["channels"]),
                    int(p["rate"]), float(p.get("gain_db", 0.0)), bool(p.get("hid", False)))
            for p in data["profile"]]


def match_profile(vendor: str, product: str, profiles: list[Profile]) -> Profile | None:
    vendor, product = vendor.lower(), product.lower()
    exact = [p for p in profiles if p.vendor_id == vendor and p.product_id == product]
    wild = [p for p in profiles if p.vendor_id == vendor and p.product_id == "*"]
    found = exact or wild
    return found[0] if found else None


def _usb_ids() -> list[tuple[str, str, str]]:
    """(vendor, product, serial) of attached USB devices: pyusb first, sysfs when libusb is absent."""
    found: list[tuple[str, str, str]] = []
    try:
        import usb.core  # pyusb is optional (it needs libusb); imported here so sysfs can stand in

        for dev in usb.core.find(find_all=True) or []:
            found.append((f"{dev.idVendor:04x}", f"{dev.idProduct:04x}", ""))
        return found
    except Exception as exc:  # no libusb backend on this machine: sysfs has the same ids
        log.debug("pyusb unavailable (%s); reading sysfs", exc)
    for dev in sorted((SYS / "bus/usb/devices").glob("*")):
        try:
            vendor = (dev / "idVendor").read_text().strip()
            product = (dev / "idProduct").read_text().strip()
        except OSError:
            continue
        serial_file = dev / "serial"
        serial = serial_file.read_text().strip() if serial_file.exists() else ""
        found.append((vendor, product, serial))
    return found


def _usb_parent_ids(node: Path) -> tuple[str, str] | None:
    """Walk up a sysfs device path to the USB device that owns it."""
    try:
        path = node.resolve()
    except OSError:
        return None
    for parent in [path, *path.parents]:
        if (parent / "idVendor").exists() and (parent / "idProduct").exists():
            return (parent / "idVendor").read_text().strip(), (parent / "idProduct").read_text().strip()
    return None


def _alsa_cards() -> dict[tuple[str, str], str]:
    cards: dict[tuple[str, str], str] = {}
    for card in sorted((SYS / "class/sound").glob("card*")):
        ids = _usb_parent_ids(card / "device")
        id_file = card / "id"
        if ids and id_file.exists():
            cards.setdefault(ids, f"plughw:CARD={id_file.read_text().strip()}")
    return cards


def _hidraws() -> dict[tuple[str, str], str]:
    nodes: dict[tuple[str, str], str] = {}
    for node in sorted((SYS / "class/hidraw").glob("hidraw*")):
        ids = _usb_parent_ids(node / "device")
        if ids:
            nodes.setdefault(ids, f"/dev/{node.name}")
    return nodes


def discover(profiles: list[Profile] | None = None) -> list[Device]:
    profiles = profiles or load_profiles()
    cards, hids = _alsa_cards(), _hidraws()
    devices = []
    for vendor, product, serial in _usb_ids():
        profile = match_profile(vendor, product, profiles)
        if profile is None:
            continue
        dev_id = f"{vendor}:{product}" + (f":{serial}" if serial else "")
        devices.append(Device(dev_id, profile.name, profile.channels, profile.rate, profile.gain_db,
                              cards.get((vendor, product)), hids.get((vendor, product)) if profile.hid else None))
    return devices


def room_map(settings: Settings) -> dict[str, str]:
    path = settings.data_dir / "rooms.toml"
    if not path.exists():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {room: str(entry.get("device", "")) for room, entry in data.get("rooms", {}).items()}


def device_for_room(room: str, rooms: dict[str, str], devices: list[Device]) -> Device | None:
    wanted = rooms.get(room)
    if wanted is None:
        return devices[0] if len(devices) == 1 else None
    want = wanted.lower().split(":")
    for dev in devices:
        have = dev.id.split(":")
        if all(w in ("*", h) for w, h in zip(want, have, strict=False)):
            return dev
    return None


def source_for_room(settings: Settings, room: str, poll_seconds: float = 2.0,
                    stop: threading.Event | None = None) -> tuple[str, Device]:
    """Wait until the room's speakerphone is plugged in (hot-plug), then its ALSA source spec."""
    rooms = room_map(settings)
    warned = False
    while stop is None or not stop.is_set():
        dev = device_for_room(room, rooms, discover())
        if dev is not None and dev.alsa_pcm:
            return f"alsa:{dev.alsa_pcm}?rate={dev.rate}&channels={dev.channels}", dev
        if not warned:
            log.warning("room %s: no speakerphone yet; waiting for one to be plugged in", room)
            warned = True
        time.sleep(poll_seconds)
    raise InterruptedError("stopped while waiting for a device")


class HidWatcher:
    """Reads the speakerphone's HID reports: mute toggles RecorderState.muted, the hook button asks
    to start or stop the meeting; the mute and off-hook LEDs are written back to follow the state."""

    def __init__(self, hidraw: str, layout: HidLayout, state: RecorderState):
        self.hidraw, self.layout, self.state = hidraw, layout, state
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="hid", daemon=True)

    def start(self) -> HidWatcher:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        try:
            fd = os.open(self.hidraw, os.O_RDWR | os.O_NONBLOCK)
        except OSError as exc:
            log.warning("cannot open %s (%s): check the udev rule", self.hidraw, exc)
            return
        last_mute = last_hook = False
        shown: tuple[bool, bool] | None = None
        try:
            while not self._stop.is_set():
                try:
                    report = os.read(fd, 64)
                except BlockingIOError:
                    report = b""
                if report:
                    mute = self.layout.pressed(report, "mute")
                    hook = self.layout.pressed(report, "hook")
                    if mute is not None and mute and not last_mute:
                        self.state.muted = not self.state.muted
                    if hook is not None and hook != last_hook:
                        self.state.hook_requests.append("start" if hook else "stop")
                    last_mute, last_hook = bool(mute), bool(hook)
                want = (bool(self.state.muted), bool(self.state.recording))
                if want != shown:
                    out = self.layout.led_report({"mute": want[0], "off_hook": want[1]})
                    if out:
                        try:
                            os.write(fd, out)
                        except OSError:
                            pass
                    shown = want
                self._stop.wait(0.05)
        finally:
            os.close(fd)


def start_hid_watcher(device: Device, state: RecorderState) -> HidWatcher | None:
    if not device.hidraw:
        return None
    node = SYS / "class/hidraw" / Path(device.hidraw).name / "device/report_descriptor"
    try:
        layout = parse_report_descriptor(node.read_bytes())
    except OSError as exc:
        log.warning("no HID report descriptor for %s: %s", device.hidraw, exc)
        return None
    return HidWatcher(device.hidraw, layout, state).start()
