// Each test drives `dotnet build` processes on its own temporary project; in parallel they would only fight
// for the machine's cores.
[assembly: DoNotParallelize]
