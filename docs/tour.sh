#!/usr/bin/env bash
# The README's five-minute tour, runnable: bash docs/tour.sh (server on $BASE, started with the admin env vars).
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
ADMIN_EMAIL=${CLINIC_BOOTSTRAP_ADMIN_EMAIL:-admin@clinic.local}
ADMIN_PASSWORD=${CLINIC_BOOTSTRAP_ADMIN_PASSWORD:-Change-Me-2026!}
json() { curl -sS -H 'Content-Type: application/json' "$@"; }
step() { printf '\n== %s\n' "$*"; }

step "1. The administrator logs in"
ADMIN=$(json -X POST "$BASE/api/v1/auth/login" -d "{\"login\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" | jq -r .accessToken)
AUTH=(-H "Authorization: Bearer $ADMIN")

step "2. A clinic and a branch (names in Arabic and English, IANA zone, currency, working days)"
CLINIC=$(json "${AUTH[@]}" -X POST "$BASE/api/v1/clinics" -H "Idempotency-Key: tour-clinic-$RANDOM" -d '{
  "nameAr":"عيادات الشفاء","nameEn":"Al Shifa Clinics","address":"King Fahd Rd, Riyadh",
  "phone":"+966112345678","timeZone":"Asia/Riyadh","currency":"SAR",
  "workingDays":["SUNDAY","MONDAY","TUESDAY","WEDNESDAY","THURSDAY"]}' | jq -r .id)
BRANCH=$(json "${AUTH[@]}" -X POST "$BASE/api/v1/clinics/$CLINIC/branches" -d '{
  "nameAr":"فرع العليا","nameEn":"Olaya branch","address":"Olaya St, Riyadh",
  "phone":"+966112345679","timeZone":"Asia/Riyadh",
  "workingDays":["SUNDAY","MONDAY","TUESDAY","WEDNESDAY","THURSDAY"]}' | jq -r .id)
echo "clinic $CLINIC, branch $BRANCH"

step "3. A doctor: a staff account (one-time activation token), activated, then the doctor profile"
INVITE=$(json "${AUTH[@]}" -X POST "$BASE/api/v1/users" -d "{\"email\":\"dr.sara.$RANDOM@clinic.local\",\"role\":\"DOCTOR\",\"clinicId\":\"$CLINIC\",\"branchId\":\"$BRANCH\"}")
DOCTOR_USER=$(echo "$INVITE" | jq -r .userId)
json -X POST "$BASE/api/v1/auth/activate" -d "{\"token\":\"$(echo "$INVITE" | jq -r .activationToken)\",\"password\":\"Doctor-Passw0rd-2026\"}" -o /dev/null -w 'activation: %{http_code}\n'
DOCTOR=$(json "${AUTH[@]}" -X POST "$BASE/api/v1/doctors" -d "{\"userId\":\"$DOCTOR_USER\",\"clinicId\":\"$CLINIC\",\"profile\":{
  \"nameAr\":\"د. سارة الحربي\",\"nameEn\":\"Dr. Sara Al-Harbi\",\"branchIds\":[\"$BRANCH\"],
  \"specialties\":[\"cardiology\"],\"languages\":[\"ar\",\"en\"],
  \"fees\":[{\"branchId\":\"$BRANCH\",\"amount\":300,\"currency\":\"SAR\"}],
  \"bioAr\":\"استشارية أمراض القلب\",\"bioEn\":\"Consultant cardiologist\"}}" | jq -r .id)
echo "doctor $DOCTOR"

step "4. A patient registers themself, then logs in with their phone number"
PHONE="+9665$(printf '%08d' $((RANDOM * RANDOM % 100000000)))"
json -X POST "$BASE/api/v1/auth/register" -d "{\"homeBranchId\":\"$BRANCH\",\"password\":\"Patient-Passw0rd-2026\",\"patient\":{
  \"nameAr\":\"منى القحطاني\",\"nameEn\":\"Mona Al-Qahtani\",\"dateOfBirth\":\"1990-04-12\",\"sex\":\"FEMALE\",
  \"nationalId\":\"1098765432\",\"phone\":\"$PHONE\",\"email\":\"mona.$RANDOM@example.com\",\"preferredLanguage\":\"ar\",
  \"consents\":{\"treatment\":true,\"dataProcessing\":true,\"marketing\":false,\"reminders\":true}}}"
echo
PATIENT=$(json -X POST "$BASE/api/v1/auth/login" -d "{\"login\":\"$PHONE\",\"password\":\"Patient-Passw0rd-2026\"}" | jq -r .accessToken)
curl -sS -H "Authorization: Bearer $PATIENT" "$BASE/api/v1/me"; echo

step "5. The patient searches cardiologists who speak Arabic at the branch"
curl -sS -H "Authorization: Bearer $PATIENT" "$BASE/api/v1/doctors?specialty=cardiology&branchId=$BRANCH&language=ar" \
  | jq '.items[] | {id, nameEn, nameAr, specialties}'

step "6. Bad input gets an RFC 9457 problem, in Arabic when asked"
json -H "Accept-Language: ar" -X POST "$BASE/api/v1/auth/register" -d '{"homeBranchId":"not-a-uuid"}' | jq .
