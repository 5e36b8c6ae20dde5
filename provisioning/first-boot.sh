#!/bin/bash
# First boot of a provisioned unit (appliance-first-boot.service, runs once):
#  - creates the databases (migrations) as the service user,
#  - creates the first admin account with a one-time password shown on the console and in
#    /root/appliance-admin.txt (the technician changes it at the first login),
#  - runs `appliance doctor` and writes its verdict to the console login banner,
#  - marks itself done so it never runs again.
set -euo pipefail
DATA=${APPLIANCE_DATA_DIR:-/var/lib/appliance}
DONE=$DATA/.first-boot-done
ADMIN=${APPLIANCE_FIRST_ADMIN:-quantri}
APP=/usr/local/bin/appliance
[ -e "$DONE" ] && exit 0

if ! "$APP" user list 2>/dev/null | awk '{print $1}' | grep -qx "$ADMIN"; then
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=' | cut -c1-16)
  printf '%s\n' "$password" | "$APP" user add "$ADMIN" --role admin --password-stdin
  umask 077
  printf 'Tài khoản quản trị: %s\nMật khẩu lần đầu: %s\nHãy đổi mật khẩu ngay sau khi đăng nhập.\n' \
    "$ADMIN" "$password" > /root/appliance-admin.txt
  printf 'Tài khoản quản trị %s đã được tạo; mật khẩu ở /root/appliance-admin.txt\n' "$ADMIN" > /dev/console || true
fi

if "$APP" doctor > /run/appliance-doctor.txt 2>&1; then verdict="hoạt động bình thường"; else verdict="CÓ LỖI: chạy 'appliance doctor'"; fi
printf '\nThiết bị AI phường: %s\n\n' "$verdict" > /etc/issue.d/appliance.issue 2>/dev/null || true
touch "$DONE"
