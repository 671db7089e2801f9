import LedgerModel

/// The reps table: 12–40 reps in 3–6 teams, each team covering some macro regions.
extension SampleGenerator {
    func writeReps() throws {
        let count = min(40, 12 + options.customers / 150)
        let teams = min(6, 3 + (count - 12) / 9)
        var usedNames = Set<String>()
        for index in 0..<count {
            var name = personName(male: rng.chance(0.6)).name
            while usedNames.contains(name) { name = personName(male: rng.chance(0.6)).name }
            usedNames.insert(name)
            reps.append(SampleRep(id: "S" + Self.pad(index + 1, 3), name: name,
                                  team: index % teams, weight: 0.5 + rng.unit()))
        }
        let macroCount = SampleVocabulary.macroRegions.count
        repsOfMacro = (0..<macroCount).map { macro in
            reps.indices.filter { macro % teams == reps[$0].team || (reps[$0].team >= macroCount && macro == reps[$0].team % macroCount) }
        }
        repWeightsOfMacro = repsOfMacro.map { members in
            var total = 0.0
            return members.map { total += reps[$0].weight; return total }
        }
        let leads = (0..<teams).map { team in reps.first { $0.team == team }?.name ?? "" }
        for (index, rep) in reps.enumerated() {
            let defect = dirt.draw(.reps, &rng)
            let macros = (0..<macroCount).filter { repsOfMacro[$0].contains(index) }
            let provinces = SampleVocabulary.provinces.indices.filter {
                macros.contains(SampleVocabulary.provinces[$0].macroRegion)
            }
            let region = SampleVocabulary.provinces[provinces.isEmpty ? 0 : rng.pick(provinces)].name
            repsOut.cell(rep.id)
            repsOut.cell(rep.name)
            repsOut.cell(SampleVocabulary.teamNames[rep.team])
            let isLead = leads[rep.team] == rep.name
            repsOut.cell(isLead ? SampleVocabulary.directors[rep.team % SampleVocabulary.directors.count] : leads[rep.team])
            repsOut.cell(region)
            if index == reps.count - 1 {
                repsOut.empty()                                  // the newest rep has no quota yet
            } else if defect == .badQuota {
                repsOut.cell(zh ? "约150万" : "about 1.5M")
            } else {
                // Near the rep's expected year: the sample's customers bring about ¥220k a
                // year each, shared among the reps by weight; ±25% so attainment varies.
                let expected = Double(options.customers) / Double(count) * 220_000 * rep.weight
                let tenThousands = max(10, Int((expected * (0.75 + 0.5 * rng.unit()) / 10_000).rounded()))
                repsOut.cell(zh && rng.chance(0.5) ? "\(tenThousands)万" : "\(tenThousands * 10_000)")
            }
            let line = try repsOut.endRecord()
            if defect == .badQuota && index != reps.count - 1 { record(.badQuota, line: line) }
            if defect == .duplicateRepID {
                // The same employee entered twice after a transfer; the later row is not used.
                repsOut.cell(rep.id)
                repsOut.cell(personName(male: rng.chance(0.5)).name)
                repsOut.cell(SampleVocabulary.teamNames[(rep.team + 1) % teams])
                repsOut.cell(leads[(rep.team + 1) % teams])
                repsOut.cell(region)
                repsOut.empty()
                record(.duplicateRepID, line: try repsOut.endRecord())
            }
        }
    }

    /// A Chinese person name and its pinyin (for e-mail addresses).
    func personName(male: Bool) -> (name: String, pinyin: String) {
        let surname = SampleVocabulary.surnames[rng.skewed(SampleVocabulary.surnames.count)]
        let pool = male ? SampleVocabulary.maleGiven : SampleVocabulary.femaleGiven
        let first = rng.pick(pool)
        if rng.chance(0.65) {
            let second = rng.pick(pool)
            return (surname.0 + first.0 + second.0, surname.1 + first.1 + second.1)
        }
        return (surname.0 + first.0, surname.1 + first.1)
    }
}
