"""A small HID report-descriptor parser: where the telephony buttons (page 0x0B: hook 0x20,
mute 0x2F) sit in input reports and the LEDs (page 0x08: mute 0x09, off-hook 0x17) in output
reports. Speakerphones differ in layout, so the positions come from the device's own descriptor."""

from __future__ import annotations

from dataclasses import dataclass, field

TELEPHONY, LED = 0x0B, 0x08
BUTTONS = {"hook": (TELEPHONY, 0x20), "mute": (TELEPHONY, 0x2F)}
LEDS = {"mute": (LED, 0x09), "off_hook": (LED, 0x17), "ring": (LED, 0x18)}


@dataclass(frozen=True)
class Field:
    kind: str        # input | output
    report_id: int   # 0 when the device uses no report ids
    bit: int         # offset after the report id byte
    size: int
    page: int
    usage: int


@dataclass
class HidLayout:
    fields: list[Field] = field(default_factory=list)
    uses_ids: bool = False
    output_bits: dict[int, int] = field(default_factory=dict)

    def find(self, kind: str, page: int, usage: int) -> Field | None:
        return next((f for f in self.fields if f.kind == kind and f.page == page and f.usage == usage), None)

    def pressed(self, report: bytes, name: str) -> bool | None:
        f = self.find("input", *BUTTONS[name])
        if f is None:
            return None
        body = report
        if self.uses_ids:
            if not report or report[0] != f.report_id:
                return None
            body = report[1:]
        byte, bit = divmod(f.bit, 8)
        if byte >= len(body):
            return None
        return bool((body[byte] >> bit) & 1)

    def led_report(self, states: dict[str, bool]) -> bytes | None:
        targets = [(self.find("output", *LEDS[name]), on) for name, on in states.items()]
        targets = [(f, on) for f, on in targets if f is not None]
        if not targets:
            return None
        report_id = targets[0][0].report_id  # type: ignore[union-attr]
        body = bytearray((self.output_bits.get(report_id, 8) + 7) // 8)
        for f, on in targets:
            if f is not None and f.report_id == report_id and on:
                byte, bit = divmod(f.bit, 8)
                body[byte] |= 1 << bit
        return (bytes([report_id]) if self.uses_ids else b"") + bytes(body)


def parse_report_descriptor(data: bytes) -> HidLayout:
    layout = HidLayout()
    page = size = count = report_id = 0
    stack: list[tuple[int, int, int, int]] = []
    usages: list[tuple[int, int]] = []
    usage_min: int | None = None
    offsets: dict[tuple[str, int], int] = {}
    i = 0
    while i < len(data):
        prefix = data[i]
        if prefix == 0xFE:  # long item: skip it
            i += 3 + (data[i + 1] if i + 1 < len(data) else 0)
            continue
        n = (0, 1, 2, 4)[prefix & 3]
        raw = data[i + 1:i + 1 + n]
        value = int.from_bytes(raw, "little") if raw else 0
        kind, tag = (prefix >> 2) & 3, prefix >> 4
        i += 1 + n
        if kind == 1:  # global
            if tag == 0x0:
                page = value
            elif tag == 0x7:
                size = value
            elif tag == 0x8:
                report_id, layout.uses_ids = value, True
            elif tag == 0x9:
                count = value
            elif tag == 0xA:
                stack.append((page, size, count, report_id))
            elif tag == 0xB and stack:
                page, size, count, report_id = stack.pop()
        elif kind == 2:  # local
            full = (value >> 16, value & 0xFFFF) if n == 4 else (page, value)
            if tag == 0x0:
                usages.append(full)
            elif tag == 0x1:
                usage_min = full[1]
            elif tag == 0x2 and usage_min is not None:
                usages.extend((full[0] if n == 4 else page, u) for u in range(usage_min, full[1] + 1))
                usage_min = None
        elif kind == 0:  # main
            if tag in (0x8, 0x9):
                io = "input" if tag == 0x8 else "output"
                key = (io, report_id)
                start = offsets.get(key, 0)
                variable = bool(value & 0x02)
                if variable and not value & 0x01:  # constant fields are padding
                    for k in range(count):
                        if usages:
                            pg, us = usages[min(k, len(usages) - 1)]
                            layout.fields.append(Field(io, report_id, start + k * size, size, pg, us))
                offsets[key] = start + size * count
                if io == "output":
                    layout.output_bits[report_id] = offsets[key]
            usages, usage_min = [], None
    return layout
