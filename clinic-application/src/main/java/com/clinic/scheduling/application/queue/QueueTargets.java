package com.clinic.scheduling.application.queue;

import com.clinic.directory.DirectoryFacts.BranchFacts;
import com.clinic.platform.application.access.Target;
import com.clinic.scheduling.domain.queue.QueueKey;

/** A doctor's queue at a branch, as the access policy places it. */
final class QueueTargets {

    private QueueTargets() {}

    static Target of(QueueKey key, BranchFacts branch) {
        return Target.branch(branch.clinicId(), key.branchId()).ofDoctor(key.doctorId());
    }
}
