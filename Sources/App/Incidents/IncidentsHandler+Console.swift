import Console
import IncidentsAPI

/// The console reads timeline pages whole through the ssm-incidents handler.
extension IncidentsHandler: ConsoleTimelineReader {}
