import RegpoolConfig
import RegpoolLinkage
import RegpoolMapping
import RegpoolModel

/// The study's eligibility rules, checked in the contract's order; the first failure excludes.
enum Eligibility {
    /// The criteria in order.
    static let criteria: [@Sendable (PatientFacts) -> Exclusion?] = [
        noDel5q, notMDS, raeb2OrAML, notSingleAgent, maintenanceAfterTransplant, noDocumentedFailure,
        inconsistentDates,
    ]

    /// The first failed criterion, or nil when the patient is eligible.
    static func evaluate(_ f: PatientFacts) -> Exclusion? {
        for criterion in criteria {
            if let e = criterion(f) { return e }
        }
        return nil
    }

    /// 1. del(5q) not shown by karyotype or FISH.
    static func noDel5q(_ f: PatientFacts) -> Exclusion? {
        let methodMissing = f.del5qMethod == nil || f.del5qMethod == "none"
        let karyotypeMissing = f.karyotype == nil || f.karyotype == "no_del5q"
        guard (methodMissing && karyotypeMissing) || f.karyotype == "no_del5q" else { return nil }
        return Exclusion(
            reason: "no_del5q",
            detail:
                "del(5q) is not shown: del5q_method is \(text(f.del5qMethod)) and karyotype_category is \(text(f.karyotype))"
        )
    }

    /// 2. No WHO 2008 MDS class recorded.
    static func notMDS(_ f: PatientFacts) -> Exclusion? {
        guard f.whoClass == nil else { return nil }
        return Exclusion(reason: "not_mds", detail: "no WHO 2008 MDS class is recorded (who_class is not known)")
    }

    /// 3. RAEB-2 or AML at LEN start (by class, or blasts ≥ 10 %).
    static func raeb2OrAML(_ f: PatientFacts) -> Exclusion? {
        if let who = f.whoClass, who == "raeb2" || who == "aml" {
            return Exclusion(reason: "raeb2_or_aml_at_len_start", detail: "who_class is \(who) at LEN start")
        }
        if let blasts = f.blasts, blasts >= 10 {
            return Exclusion(
                reason: "raeb2_or_aml_at_len_start",
                detail: "bone-marrow blasts are \(blasts) % at LEN start (10 % or more)")
        }
        return nil
    }

    /// 4. The index course combined LEN with an HMA or chemotherapy.
    static func notSingleAgent(_ f: PatientFacts) -> Exclusion? {
        guard let c = f.indexCourse, let with = c.combinedWith, with == "hma" || with == "chemotherapy" else {
            return nil
        }
        return Exclusion(reason: "len_not_single_agent", detail: "LEN course \(c.number) was combined with \(with)")
    }

    /// 5. The index course was maintenance after a transplant.
    static func maintenanceAfterTransplant(_ f: PatientFacts) -> Exclusion? {
        guard let c = f.indexCourse, c.setting == "maintenance_after_transplant" else { return nil }
        return Exclusion(
            reason: "len_maintenance_after_transplant",
            detail: "LEN course \(c.number) was given as maintenance after transplant")
    }

    /// 6. No course has both a failure date and a failure type.
    static func noDocumentedFailure(_ f: PatientFacts) -> Exclusion? {
        guard !f.courses.contains(where: \.hasFailure) else { return nil }
        let detail =
            f.courses.isEmpty
            ? "no LEN course is recorded"
            : "none of the \(f.courses.count) LEN course(s) has both a failure_date and a failure_type"
        return Exclusion(reason: "no_documented_failure", detail: detail)
    }

    /// Text for an optional token in a sentence.
    static func text(_ s: String?) -> String { s ?? "not known" }
}
