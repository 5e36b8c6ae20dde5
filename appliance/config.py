"""One settings class: defaults < TOML file (APPLIANCE_CONFIG) < environment (APPLIANCE_*).

Keys are flat so that a TOML key and its environment variable are the same name
(`zalo_app_id` ⇔ `APPLIANCE_ZALO_APP_ID`, CONTRACT §7). Unknown keys are refused.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = Path("/etc/appliance/appliance.toml")


def _in_checkout() -> bool:
    return (REPO_ROOT / "pyproject.toml").exists()


# Credentials `appliance setup` and the setup wizard store as files in DATA_DIR/secrets (0600), not in
# the settings file: a value set in the TOML file or the environment wins over the file.
SECRET_KEYS = ("zalo_app_id", "zalo_oa_secret_key", "zalo_app_secret", "zalo_access_token", "zalo_refresh_token")


def _default_data_dir() -> Path:
    # In a checkout the data lives beside the code; an installed unit uses /var/lib/appliance.
    if (REPO_ROOT / "pyproject.toml").exists():
        return REPO_ROOT / "var"
    return Path("/var/lib/appliance")


def config_file() -> Path | None:
    raw = os.environ.get("APPLIANCE_CONFIG")
    if raw:
        return Path(raw)
    return DEFAULT_CONFIG if DEFAULT_CONFIG.exists() else None


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="APPLIANCE_", extra="forbid", validate_default=True)

    # --- where things live -------------------------------------------------------------------
    data_dir: Path = Field(default_factory=_default_data_dir, title="Thư mục dữ liệu",
                           description="Databases, recordings, documents, installed models.")
    models_dir: Path | None = Field(default=None, description="Installed model files; default DATA_DIR/models.")
    public_dir: Path | None = Field(
        default=None, description="Folder of public.db, the citizen app's only data; default DATA_DIR. On a unit "
                                  "DATA_DIR/public: the citizen service sees that folder and nothing else of DATA_DIR.")

    # --- network -------------------------------------------------------------------------------
    host: str = Field(default="127.0.0.1", description="Address the staff and citizen apps listen on.")
    port: int = Field(default=8000, ge=1, le=65535, description="Staff app port.")
    public_port: int = Field(default=8001, ge=1, le=65535, description="Citizen app port.")
    cookie_secure: bool = Field(default=False, description="Send the session cookie over HTTPS only (true behind TLS).")
    trusted_proxies: list[str] = Field(
        default_factory=list, description="Addresses or networks of the reverse proxies whose X-Forwarded-For "
                                          "header gives the client's address; nobody else's header is believed.")
    max_body_kb: int = Field(default=1024, ge=16, description="Largest request body of the staff app (KB), "
                                                              "upload routes excepted (they have their own).")
    public_max_body_kb: int = Field(default=128, ge=8, description="Largest request body of the citizen app (KB).")

    # --- sessions and login --------------------------------------------------------------------
    session_hours: int = Field(default=12, ge=1, le=24 * 30, description="Staff session lifetime.")
    login_max_failures: int = Field(default=10, ge=3, description="Failed logins per user or IP before lock.")
    login_lock_minutes: int = Field(default=15, ge=1, description="Window and lock time for failed logins.")
    display_token_days: int = Field(default=30, ge=1, le=366,
                                    description="Lifetime of a wall screen's (role display) API token.")

    # --- engines -------------------------------------------------------------------------------
    engines_url: str = Field(default="http://127.0.0.1:8090/v1",
                             description="Base URL of the OpenAI-compatible engines API.")
    device: Literal["auto", "cpu", "cuda"] = Field(default="auto", description="Where models run.")
    engines_mode: Literal["local", "remote"] = Field(
        default="local", description="local: each process loads the models it uses; remote: every model call "
                                     "goes to the OpenAI-compatible API at engines_url.")
    engines_timeout_s: float = Field(default=300.0, gt=0, description="Time limit of one engines request.")
    engines_queue_max: int = Field(default=16, ge=1, description="Requests waiting per model before 503.")

    # --- operations (appliance doctor, TLS) ----------------------------------------------------------
    doctor_min_free_gb: float = Field(default=2.0, ge=0, description="Doctor fails below this much free disk (GB).")
    doctor_min_free_percent: float = Field(default=5.0, ge=0, le=100,
                                           description="Doctor fails below this share of free disk (%).")
    tls_cert_file: Path | None = Field(default=None, description="The unit's TLS certificate, checked by the doctor.")
    doctor_cert_min_days: int = Field(default=30, ge=0, description="Doctor warns when the certificate expires sooner.")

    # --- the ward (site data used on documents and pages) ----------------------------------------
    ward_name: str = Field(default="Phường Mẫu", description="Tên phường, as printed on pages and documents.")
    ward_parent: str = Field(default="THÀNH PHỐ HÀ NỘI", description="Cơ quan chủ quản line on documents.")
    ward_place: str = Field(default="Hà Nội", description="Địa danh on documents.")
    ward_issuer: str = Field(default="",
                             description="Cơ quan ban hành on documents; empty: ỦY BAN NHÂN DÂN + ward name.")
    ward_unit_code: str = Field(default="UBND", description="The issuer's ký hiệu in document numbers.")
    ward_chairman: str = Field(default="Nguyễn Văn An", description="Chủ tịch UBND phường.")
    ward_vice_chairmen: list[str] = Field(default_factory=lambda: ["Trần Thị Bình", "Lê Văn Cường"])
    demo_mode: bool = Field(default_factory=_in_checkout,
                            description="A demo or training unit: demo data may create accounts with the published "
                                        "demo passwords. True in a checkout (make run), false on an installed unit.")
    public_base_url: str = Field(default="", description="Citizen app URL for links; empty: http://HOST:PUBLIC_PORT.")
    ward_emblem: Path | None = Field(default=None, description="The ward's emblem (PNG, SVG or ICO): tab and app icon.")
    timezone: str = Field(default="Asia/Ho_Chi_Minh",
                          description="Time zone people read times in (stored times are UTC).")

    # --- Zalo OA (CONTRACT §7) -----------------------------------------------------------------
    zalo_app_id: str | None = None
    zalo_oa_secret_key: str | None = None
    zalo_access_token: str | None = None
    zalo_refresh_token: str | None = None
    zalo_app_secret: str | None = None
    zalo_api_base: str = "https://openapi.zalo.me"
    zalo_oauth_base: str = "https://oauth.zaloapp.com"
    zalo_egress_proxy: str | None = Field(default=None, description="HTTP proxy the worker sends Zalo replies "
                                          "through (the allow-listed egress proxy of docs/citizen.md).")
    zalo_webhook_url: str | None = Field(default=None, description="The public HTTPS address Zalo delivers "
                                         "webhooks to (the relay); `appliance doctor` checks the path.")

    # --- limits on files people send (issue 14: bombs never freeze an app) ------------------------
    parser_time_limit_s: float = Field(default=120.0, gt=0,
                                       description="Wall-clock limit of extracting text from one uploaded file.")
    parser_memory_mb: int = Field(default=1024, ge=64,
                                  description="Memory the child process extracting an uploaded file may add (MB).")
    import_time_limit_s: float = Field(default=1800.0, gt=0, description="Wall-clock limit of one data import.")
    import_memory_mb: int = Field(default=2048, ge=128,
                                  description="Memory the child process of one data import may add (MB).")

    # --- citizen app abuse limits ----------------------------------------------------------------
    citizen_chat_per_ip_minute: int = Field(default=60, ge=1, description="Chat messages per IP per minute.")
    citizen_chat_per_session_minute: int = Field(default=20, ge=1, description="Chat messages per session per minute.")
    citizen_feedback_per_ip_hour: int = Field(default=10, ge=1, description="Complaints filed per IP per hour.")
    citizen_chat_retention_days: int = Field(default=90, ge=1, description="Days chat logs stay in public.db.")
    citizen_embeddings: bool = Field(
        default=False, description="Citizen chat also ranks by the installed embedder (multilingual-e5-small); off: "
        "rules + lexical BM25 only (measured as good on the held-out sets, and much faster on a small CPU).")
    citizen_embeddings_when_unsure: bool = Field(
        default=True, description="With citizen_embeddings off: the installed embedder reads only the messages "
        "the rules + lexical reading is unsure of (below thresholds.toml «escalate»), so its cost is paid on few; "
        "a message the busy model cannot take within 0.1 s is read without it. No embedder installed: rules + "
        "lexical alone.")
    citizen_complaint_model: bool = Field(
        default=True, description="A filed complaint's category comes from the calibrated model over the installed "
        "embedder's vectors (multilingual-e5-small, once per complaint); off, or no embedder: the rules alone.")
    citizen_complaint_second_opinion: bool = Field(
        default=False, description="A complaint filed from the chat goes to a department only when its nearest "
        "examples name the same category as the whole classifier; otherwise it waits «chờ phân loại» for staff. "
        "Fewer wrong departments, more tickets for staff to sort (figures in docs/citizen.md).")

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"không có múi giờ «{value}» (ví dụ đúng: Asia/Ho_Chi_Minh)") from None
        return value

    @model_validator(mode="after")
    def _derive_public_url(self) -> Settings:
        # Links the apps print follow the citizen app's real port (`serve --public-port` passes it
        # down as APPLIANCE_PUBLIC_PORT) unless the ward set its public address.
        if not self.public_base_url:
            host = "127.0.0.1" if self.host in ("0.0.0.0", "::", "") else self.host
            self.public_base_url = f"http://{host}:{self.public_port}"
        return self

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        path = config_file()
        if path is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=path))
        return tuple(sources)

    @model_validator(mode="after")
    def _secret_files(self) -> Settings:
        for key in SECRET_KEYS:
            if getattr(self, key) is None:
                path = self.secrets_dir / key
                if path.is_file():
                    try:
                        value = path.read_text(encoding="utf-8").strip()
                    except PermissionError:  # hidden from this service (appliance-public: only the webhook's keys)
                        continue
                    self.__dict__[key] = value or None  # no validate_assignment loop: set the field directly
        return self

    # --- derived paths -------------------------------------------------------------------------
    @property
    def secrets_dir(self) -> Path:
        return self.data_dir / "secrets"

    @property
    def db_path(self) -> Path:
        return self.data_dir / "appliance.db"

    @property
    def public_db_path(self) -> Path:
        return (self.public_dir or self.data_dir) / "public.db"

    @property
    def model_root(self) -> Path:
        return self.models_dir or self.data_dir / "models"


class ConfigError(Exception):
    """A settings problem, described per key in Vietnamese for the technician."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def load_settings() -> Settings:
    path = config_file()
    if path is not None and not path.exists():
        raise ConfigError([f"APPLIANCE_CONFIG: không tìm thấy tệp cấu hình {path}"])
    try:
        return Settings()
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            key = ".".join(str(p) for p in err["loc"]) or "(gốc)"
            value = err.get("input")
            if err["type"] == "extra_forbidden":
                problems.append(f"khóa `{key}`: không có khóa cấu hình này (giá trị: {value!r})")
            else:
                problems.append(f"khóa `{key}`: {err['msg']} (giá trị: {value!r})")
        raise ConfigError(problems) from None
