#!/usr/bin/env bash
# make-fixture.sh - fills a freshly started Anxun platform of commit 90e925d (the build before schema migrations)
# through its public web API with a few records in every table of its six persistence units, reads every record
# back, and writes what it made and what the API answered to records.json. Given the instance folder too, it then
# stops the platform, counts the rows of every table with Derby's ij, and zips data/derby, data/keys and
# data/media into anxun-90e925d.zip.
#
# Usage:
#   make-fixture.sh BASE_URL [INSTANCE_DIR]
#     BASE_URL      e.g. http://localhost:18181 (the platform, started once on an empty data folder)
#     INSTANCE_DIR  the unpacked distribution that serves BASE_URL; with it: stop, row counts and zip
# Environment (all optional):
#   ADMIN_OTP     the first administrator's one-time password (default: read from INSTANCE_DIR/data/log/karaf.log)
#   PHOTOS        folder with cage.jpg, cage2_crop.jpg, Justin-Bieber2_crop.jpg, SeanConnery.jpg
#                 (default: itests/target/photos of the repository this script is in, as the itests build makes it)
#   MEDIA         folder with lesson.mp4, tone.m4a, slide.jpg, small-dark-picture.png; missing ones are made with FFMPEG
#   FFMPEG        an ffmpeg with libx264 and aac (default: ffmpeg on the PATH)
#   DERBY_CP      class path with derby and derbytools 10.14.2.0 for ij (default: INSTANCE_DIR/system and ~/.m2)
#   OUT           where records.json and the zip go (default: the current folder)
# Needs bash, curl, jq, python3 (for the PDF letter), zip, java (for ij).
set -euo pipefail

BASE_URL=${1:?usage: make-fixture.sh BASE_URL [INSTANCE_DIR]}
BASE_URL=${BASE_URL%/}
INSTANCE=${2:-}
API=$BASE_URL/api/v1
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(git -C "$HERE" rev-parse --show-toplevel 2>/dev/null || echo "$HERE")
PHOTOS=${PHOTOS:-$REPO/itests/target/photos}
OUT=${OUT:-$PWD}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
MEDIA=${MEDIA:-$WORK/media}
FFMPEG=${FFMPEG:-ffmpeg}

# Passwords of the fixture's accounts (records.json repeats them for the upgrade test)
ADMIN_PASSWORD='Root-Fixture-2026'
STAFF_PASSWORD='Staff-Fixture-2026'
LEARNER_PASSWORD='Study2026ok'
INSTITUTION=inst-anpei

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

# ---------------------------------------------------------------------------------------------------------------
# HTTP helpers. call EXPECTED METHOD PATH TOKEN [curl arguments...] prints the body; EXPECTED is a regular
# expression for the status, e.g. 201 or 20[01].
call() {
    local expect=$1 method=$2 path=$3 token=$4 status
    shift 4
    local auth=()
    if [ -n "$token" ]; then auth=(-H "Authorization: Bearer $token"); fi
    status=$(curl -sS -m 120 -o "$WORK/body" -w '%{http_code}' -X "$method" "${auth[@]}" "$@" "$API$path")
    if ! [[ $status =~ ^($expect)$ ]]; then
        fail "$method $path answered $status, expected $expect: $(head -c 2000 "$WORK/body")"
    fi
    cat "$WORK/body"
}
post_json() { call "$1" "${5:-POST}" "$2" "$3" -H 'Content-Type: application/json' --data-binary "$4"; }
get() { call 200 GET "$1" "$2"; }

# login CREDENTIALS_JSON: prints "ACCESS REFRESH"
login() {
    local reply
    reply=$(post_json 200 /auth/login "" "$1")
    jq -r '.accessToken + " " + .refreshToken' <<<"$reply"
}
token_of() { login "$1" | cut -d' ' -f1; }
staff_login() { token_of "$(jq -cn --arg u "$1" --arg p "$2" '{username:$u,password:$p}')"; }
learner_login() { token_of "$(jq -cn --arg i "$1" --arg p "$2" '{idNumber:$i,password:$p}')"; }

# await DESCRIPTION SECONDS COMMAND...: runs the command until it succeeds, at most SECONDS
await() {
    local what=$1 deadline=$((SECONDS + $2))
    shift 2
    until "$@"; do
        [ $SECONDS -lt $deadline ] || fail "timed out waiting until $what"
        sleep 1
    done
}

# A resident ID number that passes GB 11643 from its first 17 digits
id_number() {
    local first17=$1 weights=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) sum=0 i checks=10X98765432
    for i in $(seq 0 16); do sum=$((sum + ${first17:i:1} * weights[i])); done
    echo "$first17${checks:sum % 11:1}"
}

# ---------------------------------------------------------------------------------------------------------------
# Records: each one is kind, id, the GET path that reads it back, the account that may read it, and the fields
# the API answered for it then.
RECORDS=$WORK/records.ndjson
: >"$RECORDS"
declare -A TOKENS
# record KIND ID PATH READER JQ_FILTER: reads PATH as READER and keeps the filter's answer
record() {
    local kind=$1 id=$2 path=$3 reader=$4 filter=$5 body
    body=$(get "$path" "${TOKENS[$reader]}")
    jq -c --arg kind "$kind" --arg id "$id" --arg path "/api/v1$path" --arg reader "$reader" \
        "{kind: \$kind, id: \$id, get: \$path, readAs: \$reader, fields: ($filter)}" <<<"$body" >>"$RECORDS"
}

# record_bytes KIND ID PATH READER: reads the bytes at PATH as READER and keeps their SHA-256, size and type
record_bytes() {
    local kind=$1 id=$2 path=$3 reader=$4 auth=() reply
    if [ -n "${TOKENS[$reader]}" ]; then auth=(-H "Authorization: Bearer ${TOKENS[$reader]}"); fi
    reply=$(curl -sS -m 60 -o "$WORK/bytes" -w '%{http_code} %{content_type}' "${auth[@]}" "$API$path")
    [ "${reply%% *}" = 200 ] || fail "GET $path answered $reply"
    jq -cn --arg kind "$kind" --arg id "$id" --arg path "/api/v1$path" --arg reader "$reader" \
        --arg sha "$(sha256sum "$WORK/bytes" | cut -d' ' -f1)" --argjson size "$(stat -c %s "$WORK/bytes")" \
        --arg type "${reply#* }" \
        '{kind: $kind, id: $id, get: $path, readAs: $reader, fields: {sha256: $sha, size: $size, contentType: $type}}' \
        >>"$RECORDS"
}

# ---------------------------------------------------------------------------------------------------------------
# Input files: photos, media, the written intent
for photo in cage.jpg cage2_crop.jpg Justin-Bieber2_crop.jpg SeanConnery.jpg; do
    [ -f "$PHOTOS/$photo" ] || fail "no $PHOTOS/$photo: build the itests module once (mvn -pl itests generate-test-resources) or set PHOTOS"
done
mkdir -p "$MEDIA"
tone="sine=f=440:sample_rate=48000:d=4,pan=stereo|c0=c0|c1=c0"
make_media() {
    local file=$1
    shift
    if [ ! -f "$MEDIA/$file" ]; then
        log "making $MEDIA/$file with $FFMPEG"
        "$FFMPEG" -hide_banner -loglevel error -y "$@" "$MEDIA/$file"
    fi
}
# 4 s of 720p H.264 at 25 fps with a 440 Hz tone in AAC (about 55 kB); the same tone alone; a 720p slide as JPEG;
# a dark 240x180 picture that the picture validator refuses (resolution) and warns of (too-dark)
make_media lesson.mp4 -f lavfi -i testsrc=s=1280x720:r=25:d=4 -f lavfi -i "$tone" -c:v libx264 -preset veryfast \
    -crf 30 -pix_fmt yuv420p -c:a aac -b:a 32k -shortest
make_media tone.m4a -f lavfi -i "$tone" -c:a aac -b:a 32k
make_media slide.jpg -f lavfi -i testsrc2=s=1280x720 -frames:v 1 -q:v 12
make_media small-dark-picture.png -f lavfi -i testsrc2=s=240x180 -vf colorlevels=romax=0.25:gomax=0.25:bomax=0.25 -frames:v 1

# a one-page PDF with a line of text
pdf() {
    python3 - "$1" "$2" <<'PY'
import sys
text, out = sys.argv[1], sys.argv[2]
stream = ("BT /F1 14 Tf 72 720 Td (%s) Tj ET" % text).encode("latin-1")
objects = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
]
pdf = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
offsets = []
for number, body in enumerate(objects, 1):
    offsets.append(len(pdf))
    pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
xref = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
for offset in offsets:
    pdf += b"%010d 00000 n \n" % offset
pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
open(out, "wb").write(pdf)
PY
}
pdf "Written intent of Guangzhou Anpei Vocational Training School to register in Guangzhou" "$WORK/intent-440100.pdf"
pdf "Written intent of Guangzhou Anpei Vocational Training School to register in Shenzhen" "$WORK/intent-440300.pdf"

# ---------------------------------------------------------------------------------------------------------------
log "platform at $API"
curl -sf -m 5 "$API/health/ready" >/dev/null || fail "$API/health/ready does not answer 200"
if [ -z "${ADMIN_OTP:-}" ]; then
    [ -n "$INSTANCE" ] || fail "set ADMIN_OTP or give INSTANCE_DIR"
    ADMIN_OTP=$(sed -n "s/.*administrator 'admin' created with the one-time password \([^ ]*\) .*/\1/p" \
        "$INSTANCE/data/log/karaf.log" | tail -1)
    [ -n "$ADMIN_OTP" ] || fail "no one-time password in $INSTANCE/data/log/karaf.log"
fi

# ---- identity: the administrator sets a password; staff accounts, each logged in once with its one-time password
log "administrator and staff accounts"
otp=$(staff_login admin "$ADMIN_OTP")
call 204 POST /me/password "$otp" -H 'Content-Type: application/json' --data-binary \
    "$(jq -cn --arg c "$ADMIN_OTP" --arg n "$ADMIN_PASSWORD" '{currentPassword:$c,newPassword:$n}')" >/dev/null
TOKENS[admin]=$(staff_login admin "$ADMIN_PASSWORD")
ADMIN_ID=$(get /me "${TOKENS[admin]}" | jq -r .accountId)

declare -A STAFF_IDS
# staff NAME USERNAME DISPLAY_NAME ROLE REGION INSTITUTION
staff() {
    local name=$1 username=$2 display=$3 role=$4 region=$5 institution=$6 created otp_token id password
    created=$(post_json 201 /staff "${TOKENS[admin]}" "$(jq -cn --arg u "$username" --arg d "$display" \
        --arg r "$role" --arg g "$region" --arg i "$institution" \
        '{username:$u, displayName:$d, grant:{roles:[$r], regionCode:(if $g == "" then null else $g end),
          institutionId:(if $i == "" then null else $i end)}}')")
    id=$(jq -r .accountId <<<"$created")
    password=$(jq -r .password <<<"$created")
    otp_token=$(staff_login "$username" "$password")
    call 204 POST /me/password "$otp_token" -H 'Content-Type: application/json' --data-binary \
        "$(jq -cn --arg c "$password" --arg n "$STAFF_PASSWORD" '{currentPassword:$c,newPassword:$n}')" >/dev/null
    TOKENS[$name]=$(staff_login "$username" "$STAFF_PASSWORD")
    STAFF_IDS[$name]=$id
}
staff operator fx-operator "运营 审核员" OPERATOR "" ""
staff auditor fx-auditor "审计 员" AUDITOR "" ""
staff province fx-province "省厅 监管员" PROVINCE_REGULATOR 440000 ""
staff guangzhou fx-guangzhou "广州 监管员" CITY_REGULATOR 440100 ""
staff shenzhen fx-shenzhen "深圳 监管员" CITY_REGULATOR 440300 ""
staff anpei_admin fx-anpei-admin "安培 管理员" INSTITUTION_ADMIN "" "$INSTITUTION"
staff anpei_staff fx-anpei-staff "安培 职员" INSTITUTION_STAFF "" "$INSTITUTION"

# ---- cities: Guangzhou and Shenzhen installed, Zhuhai installed and removed again
log "city modules"
city_listed() { get "/cities?state=$2" "" | jq -e --arg c "$1" 'map(.code) | index($c) != null' >/dev/null; }
for code in 440100 440300 440400; do
    call '20[0-9]' POST "/city-modules/$code/install" "${TOKENS[operator]}" >/dev/null
    await "$code is installed" 120 city_listed "$code" installed
done
call '20[0-9]' POST /city-modules/440400/uninstall "${TOKENS[operator]}" >/dev/null
await "440400 is removed" 120 city_listed 440400 removed

# ---- institutions: the Guangzhou register of offline institutions, by hand and from CSV
log "offline institutions, registrations"
post_json 201 /cities/440100/offline-institutions "${TOKENS[guangzhou]}" '{"name":"广州安培职业培训学校",
  "creditCode":"9144030071526726XG","filingNumber":"穗应急培备〔2024〕017号","siteAddress":"广州市天河区某路1号",
  "programmes":["低压电工作业","危险化学品经营单位 主要负责人"],"status":"ACTIVE"}' >/dev/null
printf '%s\n' "name,creditCode,filingNumber,siteAddress,programmes,status" \
    "佛山某安全培训中心,91110108551385082Q,粤应急培备〔2022〕101号,佛山市南海区某街2号,低压电工作业；高压电工作业,ACTIVE" \
    "湛江某培训学校,91350100M000100Y43,湛应急培备〔2021〕033号,湛江市赤坎区某路4号,登高架设作业,CLOSED" \
    >"$WORK/register.csv"
call 200 POST /cities/440100/offline-institutions/import "${TOKENS[guangzhou]}" -H 'Content-Type: text/csv' \
    --data-binary @"$WORK/register.csv" >/dev/null

# written intents and registrations: registered in Guangzhou (then suspended and reinstated), rejected in Shenzhen
letter() {
    call 201 POST "/institutions/$INSTITUTION/letters?filename=$2" "${TOKENS[anpei_admin]}" \
        -H 'Content-Type: application/pdf' --data-binary @"$1" | jq -r .id
}
LETTER_GZ=$(letter "$WORK/intent-440100.pdf" '%E6%84%8F%E5%90%91%E4%B9%A6-%E5%B9%BF%E5%B7%9E.pdf')
LETTER_SZ=$(letter "$WORK/intent-440300.pdf" '%E6%84%8F%E5%90%91%E4%B9%A6-%E6%B7%B1%E5%9C%B3.pdf')
intent() { jq -cn --arg l "$1" '{institutionName:"广州安培职业培训学校", creditCode:"9144030071526726XG", letterId:$l}'; }
REG_GZ=$(post_json 201 /cities/440100/registrations "${TOKENS[anpei_admin]}" "$(intent "$LETTER_GZ")" | jq -r .id)
REG_SZ=$(post_json 201 /cities/440300/registrations "${TOKENS[anpei_admin]}" "$(intent "$LETTER_SZ")" | jq -r .id)
decide() { post_json 200 "/registrations/$2/decisions" "${TOKENS[$1]}" "$3" >/dev/null; }
decide guangzhou "$REG_GZ" '{"action":"APPROVE"}'
decide guangzhou "$REG_GZ" '{"action":"SUSPEND","reason":"线下培训场所整改期间暂停"}'
decide guangzhou "$REG_GZ" '{"action":"REINSTATE","reason":"整改完成，恢复"}'
decide shenzhen "$REG_SZ" '{"action":"REJECT","reason":"未向深圳市应急管理局报告线下培训"}'

# ---- courses: a programme of the operator's, revised once
log "programme"
programme='{"code":"refrigeration","name":"制冷与空调设备运行操作作业","category":"SPECIAL_OPERATION",
  "operationType":"制冷与空调设备运行操作作业","kind":"INITIAL","theoryHours":64,"practicalHours":40}'
post_json 201 /programmes "${TOKENS[operator]}" "$programme" >/dev/null
post_json 200 /programmes/refrigeration "${TOKENS[operator]}" "${programme/\"theoryHours\":64/\"theoryHours\":72}" PUT \
    >/dev/null

# ---- identity: two learners with reference photos; sessions (one refreshed, one logged out)
log "learners, sessions, face checks"
ID_GZ=$(id_number 44010319900307101)
ID_SZ=$(id_number 44030419850615202)
b64() { base64 -w0 "$1"; }
LEARNER_GZ=$(post_json 201 /learners "" "$(jq -cn --arg i "$ID_GZ" --arg p "$LEARNER_PASSWORD" \
    --arg photo "$(b64 "$PHOTOS/cage.jpg")" '{name:"买买提·艾力", idNumber:$i, password:$p,
    employer:{name:"广州某化工有限公司", creditCode:"91350100M000100Y43"}, city:"440100", county:"440103",
    category:"SPECIAL_OPERATION", operationType:"低压电工作业", institutionId:"inst-anpei", facePhoto:$photo}')" \
    | jq -r .id)
LEARNER_SZ=$(post_json 201 /learners "" "$(jq -cn --arg i "$ID_SZ" --arg p "$LEARNER_PASSWORD" \
    --arg photo "$(b64 "$PHOTOS/SeanConnery.jpg")" '{name:"陈小明", idNumber:$i, password:$p,
    employer:{name:"深圳某物流有限公司", creditCode:"914403001922038216"}, city:"440300", county:"440304",
    category:"SAFETY_MANAGER", jobTitle:"安全主任", facePhoto:$photo}')" | jq -r .id)
pair=$(login "$(jq -cn --arg i "$ID_GZ" --arg p "$LEARNER_PASSWORD" '{idNumber:$i,password:$p}')")
refresh=${pair#* }
TOKENS[learner_gz]=$(post_json 200 /auth/refresh "" "$(jq -cn --arg r "$refresh" '{refreshToken:$r}')" | jq -r .accessToken)
ended=$(learner_login "$ID_SZ" "$LEARNER_PASSWORD")
call 204 POST /auth/logout "$ended" >/dev/null
TOKENS[learner_sz]=$(learner_login "$ID_SZ" "$LEARNER_PASSWORD")

# ---- face: the Guangzhou learner's live captures, one of them and one of someone else
face_check() {
    call 201 POST "/learners/$1/face-checks?purpose=$2" "${TOKENS[$3]}" -H 'Content-Type: image/jpeg' \
        --data-binary @"$PHOTOS/$4" | jq -r .id
}
CHECK_MATCH=$(face_check "$LEARNER_GZ" TRIAL learner_gz cage2_crop.jpg)
CHECK_MISMATCH=$(face_check "$LEARNER_GZ" STUDY_START learner_gz Justin-Bieber2_crop.jpg)
# audited reads of personal data, of a reference photo and of a sealed capture
get "/learners/$LEARNER_GZ/personal-data" "${TOKENS[operator]}" >/dev/null
call 200 GET "/learners/$LEARNER_SZ/face-photo" "${TOKENS[province]}" >/dev/null
call 200 GET "/face-checks/$CHECK_MATCH/capture" "${TOKENS[operator]}" >/dev/null

# ---- media: four files of the institution, each read by the validators; one upload left unfinished
log "media"
upload() { # upload FILE NAME: in two chunks; prints the media id
    local file=$1 name=$2 size half upload
    size=$(stat -c %s "$file")
    half=$((size / 2))
    upload=$(post_json 201 "/institutions/$INSTITUTION/media-uploads" "${TOKENS[anpei_staff]}" \
        "$(jq -cn --arg f "$name" --argjson s "$size" '{filename:$f,size:$s}')" | jq -r .id)
    head -c "$half" "$file" >"$WORK/chunk"
    call 200 PUT "/media-uploads/$upload" "${TOKENS[anpei_staff]}" -H 'Content-Type: application/octet-stream' \
        -H "Content-Range: bytes 0-$((half - 1))/$size" --data-binary @"$WORK/chunk" >/dev/null
    tail -c +$((half + 1)) "$file" >"$WORK/chunk"
    call 201 PUT "/media-uploads/$upload" "${TOKENS[anpei_staff]}" -H 'Content-Type: application/octet-stream' \
        -H "Content-Range: bytes $half-$((size - 1))/$size" --data-binary @"$WORK/chunk" | jq -r .media.id
}
validated() { get "/media/$1/validation" "${TOKENS[anpei_staff]}" | jq -e '.state == "DONE"' >/dev/null; }
MEDIA_VIDEO=$(upload "$MEDIA/lesson.mp4" "第一课 验电.mp4")
MEDIA_AUDIO=$(upload "$MEDIA/tone.m4a" "第二课 讲解.m4a")
MEDIA_SLIDE=$(upload "$MEDIA/slide.jpg" "接地示意图.jpg")
MEDIA_SMALL=$(upload "$MEDIA/small-dark-picture.png" "小图.png")
for media in "$MEDIA_VIDEO" "$MEDIA_AUDIO" "$MEDIA_SLIDE" "$MEDIA_SMALL"; do
    await "the validators read media $media" 300 validated "$media"
done
UPLOAD_OPEN=$(post_json 201 "/institutions/$INSTITUTION/media-uploads" "${TOKENS[anpei_staff]}" \
    "$(jq -cn --argjson s "$(stat -c %s "$MEDIA/tone.m4a")" '{filename:"未完成的上传.m4a",size:$s}')" | jq -r .id)
head -c 4096 "$MEDIA/tone.m4a" >"$WORK/chunk"
call 200 PUT "/media-uploads/$UPLOAD_OPEN" "${TOKENS[anpei_staff]}" -H 'Content-Type: application/octet-stream' \
    -H "Content-Range: bytes 0-4095/$(stat -c %s "$MEDIA/tone.m4a")" --data-binary @"$WORK/chunk" >/dev/null

# ---- courses: one through review online (returned once, spot-checked), rated by both learners; one draft
log "courses, review, ratings"
TEXT="低压电工作业安全技术要求：作业前必须验电、挂接地线、悬挂标示牌。作业中必须有专人监护，严禁带电作业。"
draft() {
    jq -cn --arg title "$1" --arg v "$MEDIA_VIDEO" --arg a "$MEDIA_AUDIO" --arg p "$MEDIA_SLIDE" --arg t "$TEXT" \
        '{title:$title, description:"初训理论部分", programmes:["low-voltage-electrician"], teachers:["李老师","王老师"],
          units:[{title:"第一课 验电", type:"VIDEO", media:$v}, {title:"第二课 讲解", type:"AUDIO", media:$a},
                 {title:"第三课 接地", type:"TEXT", text:$t, pictures:[$p]}]}'
}
COURSE_ONLINE=$(post_json 201 "/institutions/$INSTITUTION/courses" "${TOKENS[anpei_admin]}" \
    "$(draft "低压电工作业安全技术")" | jq -r .id)
DECLARATIONS='{"content":true,"copyright":true,"copyrightHolder":"广州安培职业培训学校"}'
post_json 200 "/courses/$COURSE_ONLINE/submission" "${TOKENS[anpei_admin]}" "$DECLARATIONS" >/dev/null
post_json 200 "/courses/$COURSE_ONLINE/decisions" "${TOKENS[operator]}" \
    '{"decision":"RETURN","aspects":{"FORMAT":{"passed":false,"note":"片头缺少课程名称"}}}' >/dev/null
post_json 200 "/courses/$COURSE_ONLINE" "${TOKENS[anpei_admin]}" "$(draft "低压电工作业安全技术（初训）")" PUT >/dev/null
post_json 200 "/courses/$COURSE_ONLINE/submission" "${TOKENS[anpei_admin]}" "$DECLARATIONS" >/dev/null
post_json 200 "/courses/$COURSE_ONLINE/decisions" "${TOKENS[operator]}" '{"decision":"APPROVE","aspects":{
  "CONTENT":{"passed":true},"FORM":{"passed":true},"IDEOLOGY":{"passed":true},"FORMAT":{"passed":true},
  "QUALITY":{"passed":true},"COPYRIGHT":{"passed":true,"note":"版权声明齐全"}}}' >/dev/null
post_json 200 "/courses/$COURSE_ONLINE/spot-checks" "${TOKENS[province]}" '{"text":"第一课画面清晰，内容与大纲一致"}' >/dev/null
post_json '20[01]' "/courses/$COURSE_ONLINE/ratings" "${TOKENS[learner_gz]}" \
    '{"score":4,"teachers":{"李老师":5,"王老师":4},"comment":"讲解清楚，例子实用"}' >/dev/null
post_json '20[01]' "/courses/$COURSE_ONLINE/ratings" "${TOKENS[learner_sz]}" \
    '{"score":2,"teachers":{"李老师":3},"comment":"专业代 学刷课，加我"}' >/dev/null
COURSE_DRAFT=$(post_json 201 "/institutions/$INSTITUTION/courses" "${TOKENS[anpei_staff]}" "$(jq -cn \
    --arg p "$MEDIA_SMALL" --arg t "$TEXT" '{title:"登高架设作业安全", programmes:["refrigeration"], teachers:["赵老师"],
    units:[{title:"图文一", type:"TEXT", text:$t, pictures:[$p]}]}')" | jq -r .id)

# ---------------------------------------------------------------------------------------------------------------
log "reading every record back"
for name in operator auditor province guangzhou shenzhen anpei_admin anpei_staff; do
    record staff "${STAFF_IDS[$name]}" "/staff/${STAFF_IDS[$name]}" admin \
        '{username, displayName, roles, regionCode, institutionId}'
done
record staff "$ADMIN_ID" "/staff/$ADMIN_ID" admin '{username, displayName, roles, regionCode, institutionId}'
for code in 440100 440300 440400; do
    record city "$code" "/cities/$code" admin '{code, name, installed, "module": .module, counties: (.counties | length),
        firstInstalled, lastInstalled, lastRemoved}'
done
record learner "$LEARNER_GZ" "/learners/$LEARNER_GZ" operator \
    '{id, name, idNumber, sex, city, county, category, operationType, institutionId, employer}'
record learner "$LEARNER_SZ" "/learners/$LEARNER_SZ" operator \
    '{id, name, idNumber, sex, city, county, category, jobTitle, institutionId, employer}'
record learner-personal-data "$LEARNER_GZ" "/learners/$LEARNER_GZ/personal-data" operator '.'
record face-checks "$LEARNER_GZ" "/learners/$LEARNER_GZ/face-checks" operator \
    'map({id, decision, reason, purpose, provider, score, threshold, captureKeptUntil})'
record_bytes face-photo "$LEARNER_GZ" "/learners/$LEARNER_GZ/face-photo" operator
record_bytes face-photo "$LEARNER_SZ" "/learners/$LEARNER_SZ/face-photo" operator
record_bytes face-capture "$CHECK_MATCH" "/face-checks/$CHECK_MATCH/capture" operator
record_bytes face-capture "$CHECK_MISMATCH" "/face-checks/$CHECK_MISMATCH/capture" operator
record offline-register 440100 /cities/440100/offline-institutions guangzhou \
    'map({id, name, creditCode, filingNumber, status, programmes})'
record registration "$REG_GZ" "/registrations/$REG_GZ" guangzhou \
    '{id, city, status, registrationNumber, creditCode, institutionName, steps: [.history[].action],
      offlineMatch: .offlineMatch.creditCode, letter}'
record registration "$REG_SZ" "/registrations/$REG_SZ" shenzhen \
    '{id, city, status, registrationNumber, creditCode, steps: [.history[].action], letter}'
record_bytes registration-letter "$REG_GZ" "/registrations/$REG_GZ/letter" guangzhou
record_bytes registration-letter "$REG_SZ" "/registrations/$REG_SZ/letter" shenzhen
record institution-records "$INSTITUTION" "/institutions/$INSTITUTION/records" anpei_admin \
    '{registrations: (.registrations | length), documents: [.documents[] | {id, filename, pages, sha256, size}]}'
record province-reports all /province-reports province \
    'map({id, action, city, registrationId, registrationNumber, reason})'
TOKENS[anonymous]=""
record public-listing 440100 /public/cities/440100/institutions anonymous \
    '{institutions: [.institutions[] | {registrationNumber, creditCode}],
      announcements: [.announcements[] | {id, action, registrationNumber, title}]}'
record programme refrigeration /programmes/refrigeration anonymous \
    'map({code, version, status, theoryHours, practicalHours, onlineHours})'
record programmes-in-force all /programmes anonymous '{count: length}'
for media in "$MEDIA_VIDEO" "$MEDIA_AUDIO" "$MEDIA_SLIDE" "$MEDIA_SMALL"; do
    record media "$media" "/media/$media" anpei_staff '{id, filename, mediaType, size, sha256}'
    record_bytes media-content "$media" "/media/$media/content" anpei_staff
    record media-validation "$media" "/media/$media/validation" anpei_staff \
        '{state, duration, findings: (.findings | length), findingCodes: [.findings[] | .code + ":" + .severity],
          runs: [.runs[] | {validator, status, findings: (.findings | length)}]}'
done
record media-upload "$UPLOAD_OPEN" "/media-uploads/$UPLOAD_OPEN" anpei_staff '{id, filename, size, received, expiresAt}'
record course "$COURSE_ONLINE" "/courses/$COURSE_ONLINE" operator \
    '{id, title, status, units: (.units | length), unitTypes: [.units[].type], unitDurations: [.units[].duration],
      teachers, programmes: [.programmes[].code], steps: [.history[].action]}'
record course "$COURSE_DRAFT" "/courses/$COURSE_DRAFT" operator \
    '{id, title, status, units: (.units | length), findings: [.units[].findings[] | .code + ":" + .severity],
      teachers, programmes: [.programmes[].code], steps: [.history[].action]}'
record course-feedback "$COURSE_ONLINE" "/courses/$COURSE_ONLINE/feedback" learner_gz \
    '{ratings, average, teachers, comments}'
# last: the audit log's size (this read of it is audited too, after the answer: one row more in AUDIT_EVENT)
record audit all "/audit?limit=1" auditor '{total}'

jq -n --slurpfile records "$RECORDS" --arg base "$BASE_URL" --arg made "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    --arg admin "$ADMIN_PASSWORD" --arg staff "$STAFF_PASSWORD" --arg learner "$LEARNER_PASSWORD" \
    --arg idGz "$ID_GZ" --arg idSz "$ID_SZ" '{
      fixture: {commit: "90e925d", madeAt: $made, madeAgainst: $base, script: "make-fixture.sh",
                archive: "anxun-90e925d.zip"},
      credentials: {
        admin: {username: "admin", password: $admin},
        staff: {usernames: ["fx-operator", "fx-auditor", "fx-province", "fx-guangzhou", "fx-shenzhen",
                            "fx-anpei-admin", "fx-anpei-staff"], password: $staff},
        learners: [{idNumber: $idGz, password: $learner}, {idNumber: $idSz, password: $learner}]},
      readers: {admin: "admin", operator: "fx-operator", auditor: "fx-auditor", province: "fx-province",
                guangzhou: "fx-guangzhou", shenzhen: "fx-shenzhen", anpei_admin: "fx-anpei-admin",
                anpei_staff: "fx-anpei-staff", learner_gz: $idGz, learner_sz: $idSz, anonymous: null},
      notes: [
        "Passwords: every account has set its own (no one-time password is left); tokens in the archive have long expired, so log in again.",
        "Cities 440100 and 440300 were installed (440400 installed, then removed); Karaf keeps installed features in data/cache, which is not in the archive, so a platform booted on it shows them installed=false (lastRemoved null) and GET /public/cities/440100/institutions answers 404 until POST /api/v1/city-modules/{code}/install installs them again; firstInstalled is kept.",
        "The media-upload record is an unfinished upload: at its expiresAt (48 h after it was made) a platform that runs discards it and data/media/uploads/<id>.part (the purge runs a minute after start, then hourly), so expect it gone.",
        "Face captures are kept until captureKeptUntil (90 days); after that the hourly purge deletes them from FACE_CAPTURE.",
        "The audit total was read last; that read is audited after the answer, so AUDIT_EVENT holds total + 1 rows, and every read-back adds more."],
      records: $records}' >"$OUT/records.json"
log "wrote $OUT/records.json ($(jq '.records | length' "$OUT/records.json") records)"

[ -n "$INSTANCE" ] || exit 0

# ---------------------------------------------------------------------------------------------------------------
# Stop the platform, count every table's rows with ij, zip the data
log "stopping the platform in $INSTANCE"
pid=$(cat "$INSTANCE/karaf.pid" 2>/dev/null || true)
"$INSTANCE/bin/stop"
if [ -n "$pid" ]; then
    deadline=$((SECONDS + 120))
    while kill -0 "$pid" 2>/dev/null; do
        [ $SECONDS -lt $deadline ] || fail "Karaf ($pid) did not stop within 120 s"
        sleep 1
    done
fi
DERBY_CP=${DERBY_CP:-$INSTANCE/system/org/apache/derby/derby/10.14.2.0/derby-10.14.2.0.jar:$HOME/.m2/repository/org/apache/derby/derbytools/10.14.2.0/derbytools-10.14.2.0.jar}
cp -r "$INSTANCE/data/derby" "$WORK/derby-copy"   # ij opens a copy: the fixture's files stay as Karaf left them
ij() { java -cp "$DERBY_CP" -Dij.outfile="$WORK/ij.out" -Dderby.stream.error.file="$WORK/derby.log" org.apache.derby.tools.ij "$1" >/dev/null 2>&1; cat "$WORK/ij.out"; }
echo "connect 'jdbc:derby:$WORK/derby-copy/anxun';
select t.tablename from sys.systables t join sys.sysschemas s on t.schemaid = s.schemaid
 where t.tabletype = 'T' and s.schemaname = 'APP' order by t.tablename;" >"$WORK/tables.sql"
tables=$(ij "$WORK/tables.sql" | awk '/^-+$/ {on=1; next} on && NF == 1 && $1 ~ /^[A-Z_0-9]+$/ {print $1}')
[ -n "$tables" ] || fail "ij found no tables: $(cat "$WORK/ij.out")"
{
    echo "connect 'jdbc:derby:$WORK/derby-copy/anxun';"
    for table in $tables; do echo "select '$table' as t, count(*) as n from APP.\"$table\";"; done
} >"$WORK/counts.sql"
ij "$WORK/counts.sql" | awk -F'|' 'NF == 2 { gsub(/ /, ""); if ($1 ~ /^[A-Z_0-9]+$/ && $2 ~ /^[0-9]+$/) print $1, $2 }' \
    >"$WORK/counts.txt"
[ "$(wc -l <"$WORK/counts.txt")" -eq "$(wc -w <<<"$tables")" ] || fail "ij counted $(cat "$WORK/counts.txt")"
jq -R -n '[inputs | split(" ") | {(.[0]): (.[1] | tonumber)}] | add' "$WORK/counts.txt" >"$WORK/counts.json"
jq --slurpfile counts "$WORK/counts.json" '. + {tableRowCounts: $counts[0]}' "$OUT/records.json" >"$WORK/records.json"
mv "$WORK/records.json" "$OUT/records.json"
empty=$(jq -r '.tableRowCounts | to_entries[] | select(.value == 0) | .key' "$OUT/records.json")
[ -z "$empty" ] || log "EMPTY TABLES: $empty"
rm -f "$OUT/anxun-90e925d.zip"
(cd "$INSTANCE" && zip -q -r -9 -X "$OUT/anxun-90e925d.zip" data/derby data/keys data/media)
log "wrote $OUT/anxun-90e925d.zip ($(stat -c %s "$OUT/anxun-90e925d.zip") bytes)"
