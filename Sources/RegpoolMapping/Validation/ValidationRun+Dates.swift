import RegpoolModel

/// The temporal-order rules V7004–V7011.
extension ValidationRun {
    /// Runs every date-order rule in code order.
    mutating func temporalOrder() {
        diagnosisBeforeStart()
        failureAfterStart()
        failureBeforeFollowUp()
        transplantsAfterFailure()
        linesInOrder()
        endAfterStart(.courseEndBeforeStart, table: Tables.courses, start: Columns.courseStart, end: Columns.courseEnd)
        endAfterStart(.lineEndBeforeStart, table: Tables.lines, start: Columns.lineStart, end: Columns.lineEnd)
    }

    /// (row, course number, date at `column`) of every course with that date.
    func courses(with column: Int) -> [(row: Int, number: String, date: Int32)] {
        patient.rows(Tables.courses).enumerated().compactMap { i, r in
            r[column].dateValue.map { (i, r[Columns.courseNumber].text, $0) }
        }
    }

    /// V7004: diagnosis_date after the earliest LEN start.
    mutating func diagnosisBeforeStart() {
        guard let diagnosis = date(Tables.patients, 0, Columns.diagnosis),
            let first = courses(with: Columns.courseStart).min(by: { $0.date < $1.date }), first.date < diagnosis
        else { return }
        apply(
            Finding(
                code: .diagnosisAfterLENStart, table: Tables.patients, row: 0, column: Columns.diagnosis,
                detail: "diagnosis_date \(diagnosis.iso) is after the start of LEN course \(first.number) "
                    + "(\(first.date.iso))"))
    }

    /// V7005: a course's failure_date before its start_date.
    mutating func failureAfterStart() {
        for c in courses(with: Columns.failureDate).reversed() {
            guard let start = date(Tables.courses, c.row, Columns.courseStart), c.date < start else { continue }
            apply(
                Finding(
                    code: .failureBeforeLENStart, table: Tables.courses, row: c.row, column: Columns.failureDate,
                    detail: "failure_date \(c.date.iso) of LEN course \(c.number) is before its start_date \(start.iso)"
                ))
        }
    }

    /// V7006 last contact and V7007 death before the latest LEN failure.
    mutating func failureBeforeFollowUp() {
        let o = Tables.outcomes
        guard let latest = courses(with: Columns.failureDate).max(by: { $0.date < $1.date }) else { return }
        let failure = "the failure of LEN course \(latest.number) (\(latest.date.iso))"
        let death = date(o, 0, Columns.deathDate)
        if let last = date(o, 0, Columns.lastContact), last < latest.date, last != death {
            apply(
                Finding(
                    code: .lastContactBeforeFailure, table: o, row: 0, column: Columns.lastContact,
                    detail: "last_contact_date \(last.iso) is before \(failure)"))
        }
        if let death = date(o, 0, Columns.deathDate), death < latest.date {
            apply(
                Finding(
                    code: .deathBeforeFailure, table: o, row: 0, column: Columns.deathDate,
                    detail: "death_date \(death.iso) is before \(failure)"))
        }
    }

    /// V7008: a transplant before the first LEN failure.
    mutating func transplantsAfterFailure() {
        guard let first = courses(with: Columns.failureDate).min(by: { $0.date < $1.date }) else { return }
        let t = Tables.transplants
        for row in patient.rows(t).indices.reversed() {
            guard let day = date(t, row, Columns.transplantDate), day < first.date else { continue }
            apply(
                Finding(
                    code: .transplantBeforeFailure, table: t, row: row, column: Columns.transplantDate,
                    detail: "transplant_date \(day.iso) is before the first LEN failure "
                        + "(course \(first.number), \(first.date.iso))"))
        }
    }

    /// V7009: a line that starts before the dated line numbered just before it.
    mutating func linesInOrder() {
        let l = Tables.lines
        let dated = patient.rows(l).enumerated().compactMap { i, r -> (row: Int, number: Int32, start: Int32)? in
            guard let n = r[Columns.lineNumber].int32Value, let s = r[Columns.lineStart].dateValue else { return nil }
            return (i, n, s)
        }.sorted { $0.number < $1.number }
        let late = zip(dated, dated.dropFirst()).filter { previous, line in line.start < previous.start }
        for (previous, line) in late.sorted(by: { $0.1.row > $1.1.row }) {
            apply(
                Finding(
                    code: .lineOutOfOrder, table: l, row: line.row, column: Columns.lineStart,
                    detail: "treatment line \(line.number) starts \(line.start.iso), before line \(previous.number) "
                        + "(\(previous.start.iso))"))
        }
    }

    /// V7010 / V7011: an end_date before the row's start_date.
    mutating func endAfterStart(_ code: AuditCode, table: String, start: Int, end: Int) {
        let numberColumn = table == Tables.courses ? Columns.courseNumber : Columns.lineNumber
        let what = table == Tables.courses ? "LEN course" : "treatment line"
        for row in patient.rows(table).indices.reversed() {
            guard let s = date(table, row, start), let e = date(table, row, end), e < s else { continue }
            let number = patient.value(table: table, row: row, column: numberColumn)?.text ?? "?"
            apply(
                Finding(
                    code: code, table: table, row: row, column: end,
                    detail: "end_date \(e.iso) of \(what) \(number) is before its start_date \(s.iso)"))
        }
    }
}
