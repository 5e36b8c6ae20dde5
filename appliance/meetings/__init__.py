"""Smart meeting room: devices, crash-safe recorder, transcription, speakers, minutes, tasks."""

from __future__ import annotations

from appliance.auth.roles import STAFF_ROLES
from appliance.features import AdminLink, Feature, NavEntry


def manifest() -> Feature:
    # parts load when the loader asks (appliance.features explains why)
    from appliance.meetings import api, cli, demo, doctor, interim, jobs, minutes_api, routes, schema

    return Feature(
        name="meetings",
        routers=(api.router, minutes_api.router, routes.router),
        nav=(NavEntry("/cuoc-hop", "Cuộc họp", STAFF_ROLES, "◉", order=70),),
        admin_links=(AdminLink("/quan-tri/luu-tru", "Lưu trữ ghi âm",
                               "Thời hạn giữ bản ghi âm cuộc họp; quá hạn thì âm thanh được xóa, biên bản giữ lại"),),
        cli=(cli.register,),
        migrations=tuple(schema.MIGRATIONS),
        requires=("auth", "ward"),
        tables=("meetings", "meeting_audio", "meeting_segments", "meeting_speakers", "voice_profiles",
                "meeting_settings", "meeting_interim"),
        jobs=jobs.HANDLERS,
        body_limits={**api.BODY_LIMITS, **routes.BODY_LIMITS},
        demo=demo.load,
        demo_label="cuộc họp mẫu và nhiệm vụ",
        doctor=doctor.checks,
        # provisional captions of open segments, on the lane that transcribes the closed ones
        idle={"main": interim.captions},
    )
