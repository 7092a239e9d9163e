/// A form value the console itself refuses before calling the API, worded as the API's errors are.
struct ConsoleFormProblem: Error {
    let message: String
}
