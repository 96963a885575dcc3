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
PHONE="+96650$(printf '%07d' $((RANDOM * RANDOM % 10000000)))"
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

# ---------------------------------------------------------------------------------------------
# Scheduling: an appointment type, the doctor's week, slot search, hold and confirm, a race lost
# with 409, the waiting list, and the walk-in queue.
# ---------------------------------------------------------------------------------------------
step "7. An appointment type for the clinic: 20 minutes, 5 minutes buffer after, bookable 1 h to 60 days ahead"
TYPE=$(json "${AUTH[@]}" -X POST "$BASE/api/v1/appointment-types" -d "{\"clinicId\":\"$CLINIC\",
  \"nameAr\":\"كشف قلب\",\"nameEn\":\"Cardiology visit\",\"durationMinutes\":20,\"bufferAfterMinutes\":5,
  \"minimumNoticeMinutes\":60,\"horizonDays\":60,\"capacity\":1,\"virtual\":false,\"price\":300,\"currency\":\"SAR\"}" \
  | jq -r .appointmentTypeId)
echo "type $TYPE"

step "8. The doctor's working week at the branch (branch-local time; If-None-Match: * creates it)"
FROM=$(date -u -d '-1 day' +%F)
json "${AUTH[@]}" -H 'If-None-Match: *' -X PUT "$BASE/api/v1/doctors/$DOCTOR/branches/$BRANCH/schedule" -d "{\"workingHours\":[{
  \"effectiveFrom\":\"$FROM\",\"intervals\":[
  {\"day\":\"SUNDAY\",\"start\":\"09:00\",\"end\":\"13:00\"},{\"day\":\"SUNDAY\",\"start\":\"16:00\",\"end\":\"20:00\"},
  {\"day\":\"MONDAY\",\"start\":\"09:00\",\"end\":\"13:00\"},{\"day\":\"TUESDAY\",\"start\":\"09:00\",\"end\":\"13:00\"},
  {\"day\":\"WEDNESDAY\",\"start\":\"09:00\",\"end\":\"13:00\"},{\"day\":\"THURSDAY\",\"start\":\"09:00\",\"end\":\"13:00\"}]}]}" \
  -o /dev/null -w 'schedule: %{http_code}\n'

step "9. The patient searches free slots for the next week (UTC and branch-local times)"
SLOTS=$(curl -sS -H "Authorization: Bearer $PATIENT" \
  "$BASE/api/v1/slots?doctorId=$DOCTOR&branchId=$BRANCH&appointmentTypeId=$TYPE&from=$(date -u -d '+1 day' +%F)&to=$(date -u -d '+8 day' +%F)&limit=5")
echo "$SLOTS" | jq -c '.items[] | {startLocal, startUtc, remainingCapacity}'
START=$(echo "$SLOTS" | jq -r '.items[0].startUtc')
SLOT="{\"doctorId\":\"$DOCTOR\",\"branchId\":\"$BRANCH\",\"appointmentTypeId\":\"$TYPE\",\"start\":\"$START\"}"

step "10. Hold the first slot (it expires by itself after 5 minutes), then confirm it"
HOLD=$(json -H "Authorization: Bearer $PATIENT" -X POST "$BASE/api/v1/appointments/holds" -d "{\"slot\":$SLOT}")
echo "$HOLD"
APPOINTMENT=$(echo "$HOLD" | jq -r .appointmentId)
json -H "Authorization: Bearer $PATIENT" -H 'Prefer: wait-for=processes' -X POST "$BASE/api/v1/appointments/$APPOINTMENT/confirm" -o /dev/null -w 'confirm: %{http_code}\n'
curl -sS -H "Authorization: Bearer $PATIENT" "$BASE/api/v1/appointments/$APPOINTMENT" | jq -c '{status, start, doctorNameEn}'

step "10b. The confirmation is in the patient's inbox, and its reminders are planned (24 h and 2 h before the start, those still ahead)"
curl -sS -H "Authorization: Bearer $PATIENT" "$BASE/api/v1/me/notifications" | jq -c '.items[0] | {template, message}'
PATIENT_ID=$(curl -sS -H "Authorization: Bearer $PATIENT" "$BASE/api/v1/patients/me" | jq -r .id)
# Each reminder is an in-app notice and a copy on the patient's channels (push, SMS, e-mail); with no
# provider configured that copy is SUPPRESSED (GET /api/v1/notifications/channels says why).
curl -sS -H "Authorization: Bearer $PATIENT" "$BASE/api/v1/patients/$PATIENT_ID/notifications?limit=50" \
  | jq -c '.items[] | select(.template == "appointment.reminder") | {channel, status, dueAt}'

step "11. Someone else trying for the same time gets 409 (under a true race, the claim constraint decides)"
json "${AUTH[@]}" -X POST "$BASE/api/v1/appointments" -d "{\"patientId\":\"$(curl -sS -H "Authorization: Bearer $PATIENT" "$BASE/api/v1/patients/me" | jq -r .id)\",\"slot\":$SLOT}" | jq -c '{status, code, title}'

step "12. Another patient joins the waiting list; when the first appointment is cancelled, the slot is held and offered to them"
PHONE2="+96650$(printf '%07d' $((RANDOM * RANDOM % 10000000)))"
json -X POST "$BASE/api/v1/auth/register" -d "{\"homeBranchId\":\"$BRANCH\",\"password\":\"Patient-Passw0rd-2026\",\"patient\":{
  \"nameAr\":\"عمر الشهري\",\"nameEn\":\"Omar Al-Shehri\",\"dateOfBirth\":\"1984-09-30\",\"sex\":\"MALE\",
  \"nationalId\":\"1087654321\",\"phone\":\"$PHONE2\",\"preferredLanguage\":\"en\"}}" -o /dev/null
OMAR=$(json -X POST "$BASE/api/v1/auth/login" -d "{\"login\":\"$PHONE2\",\"password\":\"Patient-Passw0rd-2026\"}" | jq -r .accessToken)
json -H "Authorization: Bearer $OMAR" -X POST "$BASE/api/v1/waitlist" -d "{\"doctorId\":\"$DOCTOR\",\"branchId\":\"$BRANCH\",
  \"appointmentTypeId\":\"$TYPE\",\"from\":\"$(date -u -d '+1 day' +%F)\",\"to\":\"$(date -u -d '+8 day' +%F)\"}" | jq -c '{entryId, status, position}'
# The offer is made by the waiting list's process just after the cancellation; Prefer: wait-for=processes
# holds the answer until that process has acted and the read models show it (Preference-Applied says so).
json -H "Authorization: Bearer $PATIENT" -H 'Prefer: wait-for=processes' -X POST "$BASE/api/v1/appointments/$APPOINTMENT/cancel" \
  -d '{"reason":"PATIENT_REQUEST","note":"clash"}' -o /dev/null -w 'cancel: %{http_code}, applied: %header{preference-applied}\n'
curl -sS -H "Authorization: Bearer $OMAR" "$BASE/api/v1/waitlist" | jq -c '.items[0] | {status, offer}'
curl -sS -H "Authorization: Bearer $OMAR" "$BASE/api/v1/me/notifications" | jq -c '.items[0] | {template, message}'

step "13. The walk-in queue: reception issues a ticket and the doctor's board shows the live estimated wait"
RECEPTION_INVITE=$(json "${AUTH[@]}" -X POST "$BASE/api/v1/users" -d "{\"email\":\"desk.$RANDOM@clinic.local\",\"role\":\"RECEPTIONIST\",\"clinicId\":\"$CLINIC\",\"branchId\":\"$BRANCH\"}")
json -X POST "$BASE/api/v1/auth/activate" -d "{\"token\":\"$(echo "$RECEPTION_INVITE" | jq -r .activationToken)\",\"password\":\"Reception-Passw0rd-2026\"}" -o /dev/null
DESK_LOGIN=$(json "${AUTH[@]}" "$BASE/api/v1/users/$(echo "$RECEPTION_INVITE" | jq -r .userId)" | jq -r .email)
DESK=$(json -X POST "$BASE/api/v1/auth/login" -d "{\"login\":\"$DESK_LOGIN\",\"password\":\"Reception-Passw0rd-2026\"}" | jq -r .accessToken)
json -H "Authorization: Bearer $DESK" -X POST "$BASE/api/v1/queues/$DOCTOR/$BRANCH/tickets" -d '{}' | jq -c '{number, date}'
json -H "Authorization: Bearer $DESK" -X POST "$BASE/api/v1/queues/$DOCTOR/$BRANCH/tickets" -d '{}' | jq -c '{number, date}'
curl -sS -H "Authorization: Bearer $DESK" "$BASE/api/v1/queues/$DOCTOR/$BRANCH/$(TZ=Asia/Riyadh date +%F)" | jq -c '.waiting[] | {ticket: .number, position, estimatedWaitSeconds}'

step "14. Book Omar into the next free slot; the visit's invoice is issued with the clinic's next number"
OMAR_ID=$(curl -sS -H "Authorization: Bearer $OMAR" "$BASE/api/v1/patients/me" | jq -r .id)
NEXT=$(curl -sS -H "Authorization: Bearer $DESK" \
  "$BASE/api/v1/slots?doctorId=$DOCTOR&branchId=$BRANCH&appointmentTypeId=$TYPE&from=$(date -u +%F)&to=$(date -u -d '+8 day' +%F)&limit=5" \
  | jq -r '.items[1].startUtc')
VISIT=$(json -H "Authorization: Bearer $DESK" -H 'Prefer: wait-for=processes' -X POST "$BASE/api/v1/appointments" \
  -d "{\"patientId\":\"$OMAR_ID\",\"slot\":{\"doctorId\":\"$DOCTOR\",\"branchId\":\"$BRANCH\",\"appointmentTypeId\":\"$TYPE\",\"start\":\"$NEXT\"}}" | jq -r .appointmentId)
INVOICE=$(curl -sS -H "Authorization: Bearer $DESK" "$BASE/api/v1/appointments/$VISIT/invoice")
echo "$INVOICE" | jq -c '{number, status, currency, subtotal, tax, total, outstanding}'
INVOICE_ID=$(echo "$INVOICE" | jq -r .invoiceId)


step "15. Cash at the desk (the Idempotency-Key makes a retried click one payment)"
PAYMENT=$(json -H "Authorization: Bearer $DESK" -H "Idempotency-Key: cash-$RANDOM$RANDOM" -X POST "$BASE/api/v1/invoices/$INVOICE_ID/payments" \
  -d "{\"method\":\"CASH\",\"amount\":\"$(echo "$INVOICE" | jq -r .total)\"}" | jq -r .id)
curl -sS -H "Authorization: Bearer $DESK" "$BASE/api/v1/invoices/$INVOICE_ID" | jq -c '{status, paid, outstanding, receipt: .ledger[1].receiptNumber}'


step "16. Omar cancels; the refund policy decides and says why (all back a day ahead, half inside the day)"
json -H "Authorization: Bearer $OMAR" -H 'Prefer: wait-for=processes' -X POST "$BASE/api/v1/appointments/$VISIT/cancel" \
  -d '{"reason":"PATIENT_REQUEST"}' -o /dev/null -w 'cancel: %{http_code}\n'
SETTLED=$(curl -sS -H "Authorization: Bearer $OMAR" "$BASE/api/v1/invoices/$INVOICE_ID")
echo "$SETTLED" | jq -c '{status, due, outstanding, settlement: (.settlement | {released, retained, refundDue, reason})}'
# The clinic pays back what it owes (above 500 a manager's or an administrator's to do); the ledger shows every entry
json "${AUTH[@]}" -X POST "$BASE/api/v1/invoices/$INVOICE_ID/refunds" \
  -d "{\"paymentId\":\"$PAYMENT\",\"amount\":\"$(echo "$SETTLED" | jq -r .settlement.refundDue)\",\"reason\":\"CANCELLATION\"}" -o /dev/null -w 'refund: %{http_code}\n'
curl -sS -H "Authorization: Bearer $OMAR" -H 'Accept-Language: ar' "$BASE/api/v1/invoices/$INVOICE_ID" \
  | jq -c '{status, outstanding, ledger: [.ledger[] | {kind, amount, reason}]}'
