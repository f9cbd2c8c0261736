import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// The link events. Events about a record carry its centre, `local_id=…` as locator and its
/// reference (`centre:local_id`) as `sourceValue`; the other record of a pair is `targetValue`.
extension LinkageRun {
    /// `L4004`: an override decided the pair.
    func overridden(_ override: LinkOverride, _ a: Int, _ b: Int, _ what: String) -> AuditEvent {
        let reason = override.reason.isEmpty ? "" : " (reason: \(override.reason))"
        return event(.linkOverridden, a, b, rule: override.rule, message: "\(override.rule) \(what)\(reason)")
    }

    /// `L4005`: an edge refused by a constraint.
    func refusedEvent(_ refusal: RefusedLink) -> AuditEvent {
        let edge = refusal.edge
        return event(
            .linkRefused, edge.a, edge.b, rule: edge.rule,
            message: "\(pair(edge.a, edge.b)) were not linked (\(edge.rule)): \(refusal.reason)")
    }

    /// `L4006`: an override names a local patient not in the build.
    func unmatched(_ override: LinkOverride, missing: PatientReference) -> AuditEvent {
        let other = missing == override.a ? override.b : override.a
        return AuditEvent(
            .overrideUnmatched, centre: missing.centre, locator: "local_id=\(missing.localID)",
            sourceValue: missing.description, targetValue: other.description, rule: override.rule,
            message:
                "\(override.rule) names \(missing.description), which is not in this build; the line was not applied — correct the local id or remove the line"
        )
    }

    /// `L4003`: a pair left for clerical review.
    func reviewEvent(_ pair: ReviewPair) -> AuditEvent {
        let rule = "probabilistic p=\(LinkNumber.fixed(pair.probability, 4))"
        return event(
            .linkReviewPending, pair.a, pair.b, rule: rule,
            message:
                "\(self.pair(pair.a, pair.b)) scored \(LinkNumber.fixed(pair.probability, 4)), between the review and link thresholds; left separate until a person decides (clerical-review.csv)"
        )
    }

    /// `L4002`: a member joined the cluster whose first record is `first`.
    func linkedEvent(_ member: Int, first: Int, _ edge: LinkEdge) -> AuditEvent {
        event(
            .patientsLinked, member, first, rule: edge.rule,
            message:
                "\(records[member].reference.description) joined the pooled patient of \(records[first].reference.description) (\(edge.rule))"
        )
    }

    /// `L4007`: pairs compared (`count`), links by kind, refusals, review pairs, the model.
    func summary(links: Int, review: Int) -> AuditEvent {
        var byKind = (override: 0, deterministic: 0, probabilistic: 0)
        for edge in accepted {
            switch edge.kind {
            case .forceLink: byKind.override += 1
            case .deterministic: byKind.deterministic += 1
            case .probabilistic: byKind.probabilistic += 1
            }
        }
        let compared = scoring?.pairs.count ?? 0
        var message =
            "\(records.count) local patients, \(compared) pairs compared; \(links) links (\(byKind.override) override, \(byKind.deterministic) deterministic, \(byKind.probabilistic) probabilistic), \(refused.count) refused, \(review) pairs for review"
        if let model = scoring?.model {
            let how =
                model.given
                ? "m/u given" : "EM \(model.iterations) iterations\(model.converged ? "" : ", not converged")"
            message +=
                "; λ = \(LinkNumber.probability(model.lambda)) of \(model.crossCentrePairs) cross-centre pairs (\(LinkNumber.fixed(model.lambdaAmongCompared, 4)) of compared pairs, \(model.lambdaEstimated ? "estimated" : "given")), \(how)"
            for warning in model.warnings { message += "; warning: \(warning)" }
        }
        return AuditEvent(.linkageSummarized, count: compared, message: message)
    }

    /// An event about records `a` (the subject) and `b`.
    private func event(_ code: AuditCode, _ a: Int, _ b: Int, rule: String, message: String) -> AuditEvent {
        let subject = records[a].reference
        return AuditEvent(
            code, centre: subject.centre, locator: "local_id=\(subject.localID)",
            sourceValue: subject.description, targetValue: records[b].reference.description,
            rule: rule, message: message)
    }
}
