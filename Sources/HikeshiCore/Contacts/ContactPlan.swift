/// A contact's engagement plan: stages of targets for people and escalation plans, rotations for
/// on-call schedules.
///
/// A personal contact's stages target its own channels; an escalation plan's stages target other
/// contacts; an on-call schedule has rotations and no stages.
public struct ContactPlan: Codable, Sendable, Equatable {
    /// One stage: its targets are engaged together, then the plan waits `durationInMinutes`.
    public struct Stage: Codable, Sendable, Equatable {
        /// How long the stage lasts before the next starts.
        public var durationInMinutes: Int
        /// Who or what the stage engages.
        public var targets: [Target]

        /// Creates a stage.
        public init(durationInMinutes: Int, targets: [Target]) {
            self.durationInMinutes = durationInMinutes
            self.targets = targets
        }
    }

    /// What a stage engages.
    public enum Target: Codable, Sendable, Equatable {
        /// A channel of the contact, retried every `retryIntervalInMinutes` until acknowledged.
        case channel(channelArn: String, retryIntervalInMinutes: Int?)
        /// Another contact; an essential contact's acknowledgement stops the plan.
        case contact(contactArn: String, isEssential: Bool)
    }

    /// The stages, in order.
    public var stages: [Stage]
    /// The rotations of an on-call schedule.
    public var rotationArns: [String]

    /// Creates a plan.
    public init(stages: [Stage] = [], rotationArns: [String] = []) {
        self.stages = stages
        self.rotationArns = rotationArns
    }

    /// Every contact ARN the plan targets.
    public var contactArns: [String] {
        stages.flatMap { stage in
            stage.targets.compactMap { target in
                if case .contact(let arn, _) = target { return arn }
                return nil
            }
        }
    }

    /// Every channel ARN the plan targets.
    public var channelArns: [String] {
        stages.flatMap { stage in
            stage.targets.compactMap { target in
                if case .channel(let arn, _) = target { return arn }
                return nil
            }
        }
    }

    /// The plan without any target on the given channel (when the channel is deleted).
    public func removingChannel(_ channelArn: String) -> ContactPlan {
        var copy = self
        copy.stages = stages.map { stage in
            var stage = stage
            stage.targets.removeAll { target in
                if case .channel(let arn, _) = target { return arn == channelArn }
                return false
            }
            return stage
        }
        return copy
    }
}
