#!/bin/bash
# First boot of a provisioned unit (appliance-first-boot.service, runs once):
#  - creates the databases (migrations) as the service user,
#  - unless the unit already has an active admin (the first-run setup from the vault makes one, under
#    whatever name the ward chose), creates the first admin account with a one-time password shown
#    on the console and in /root/appliance-admin.txt (the technician changes it at the first login),
#  - runs `appliance doctor` and writes its verdict to the console login banner,
#  - marks itself done so it never runs again.
# APPLIANCE_BIN and FIRST_BOOT_ROOT (a prefix for /root, /run, /etc and /dev/console) exist for the
# test that runs this script on a scratch folder; on a unit both are unset.
set -euo pipefail
DATA=${APPLIANCE_DATA_DIR:-/var/lib/appliance}
DONE=$DATA/.first-boot-done
ADMIN=${APPLIANCE_FIRST_ADMIN:-quantri}
APP=${APPLIANCE_BIN:-/usr/local/bin/appliance}
R=${FIRST_BOOT_ROOT:-}
[ -e "$DONE" ] && exit 0

users=$("$APP" user list)
# `user list`: name, role, full name, and "(đã khóa)" at the end of a locked account's line.
active_admin=$(printf '%s\n' "$users" | awk '$2 == "admin" && !/\(đã khóa\)$/ {print $1; exit}')
taken=$(printf '%s\n' "$users" | awk -v name="$ADMIN" '$1 == name {print $1}')
if [ -z "$active_admin" ] && [ -z "$taken" ]; then
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=' | cut -c1-16)
  printf '%s\n' "$password" | "$APP" user add "$ADMIN" --role admin --password-stdin
  umask 077
  printf 'Tài khoản quản trị: %s\nMật khẩu lần đầu: %s\nHãy đổi mật khẩu ngay sau khi đăng nhập.\n' \
    "$ADMIN" "$password" > "$R/root/appliance-admin.txt"
  printf 'Tài khoản quản trị %s đã được tạo; mật khẩu ở /root/appliance-admin.txt\n' "$ADMIN" > "$R/dev/console" || true
elif [ -z "$active_admin" ]; then
  printf 'Chưa có tài khoản quản trị nào dùng được (%s đã bị khóa): chạy `appliance setup` để tạo một tài khoản.\n' \
    "$ADMIN" > "$R/dev/console" || true
fi

if "$APP" doctor > "$R/run/appliance-doctor.txt" 2>&1; then verdict="hoạt động bình thường"; else verdict="CÓ LỖI: chạy 'appliance doctor'"; fi
printf '\nThiết bị AI phường: %s\n\n' "$verdict" > "$R/etc/issue.d/appliance.issue" 2>/dev/null || true
touch "$DONE"
