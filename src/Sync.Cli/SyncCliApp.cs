using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Cli.Commands;
using Sync.Cli.Commands.AwsEmr;

namespace Sync.Cli;

/// <summary>Builds the <c>sync-cli</c> command tree.</summary>
public static class SyncCliApp
{
    /// <summary>Creates the command app; <paramref name="console"/> replaces the terminal (for tests).</summary>
    /// <param name="console">The console to write to; the process's terminal when <see langword="null"/>.</param>
    public static CommandApp Create(IAnsiConsole? console = null)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("sync-cli");

            // A mistyped option is an error, not silently ignored.
            config.Settings.StrictParsing = true;

            // Unknown commands, bad options and failed validation are bad input: exit 2 with the same "error:/hint:"
            // lines on standard error as every other bad input (docs: exit codes).
            config.SetExceptionHandler((exception, _) => exception is CommandAppException
                ? Errors.Report(exception.Message, "Run the command with --help to see its arguments and options.")
                : throw exception);
            config.SetApplicationVersion(typeof(SyncCliApp).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            if (console is not null)
            {
                config.ConfigureConsole(console);
            }

            config.AddBranch("predictions", predictions =>
            {
                predictions.SetDescription("Predict how a run would do on other clusters, and recommend one.");
                predictions.AddCommand<PredictionsCreateCommand>("create")
                    .WithDescription("Predict runtime and cost on other worker counts from one run's event log and cluster report; print the performance, balanced and economy solutions.")
                    .WithExample("predictions", "create", "--event-log", "samples/eventlogs/databricks-9.1-m5.4xlarge.zip", "--report", "samples/reports/databricks-m5-4xlarge-4-workers.json");
                predictions.AddCommand<PredictionsReportCommand>("report")
                    .WithDescription("Write one self-contained HTML page of a recorded prediction (ID) or of one run (--event-log, --report): runtime vs cost of every configuration, the solutions, and the observed run's timeline.")
                    .WithExample("predictions", "report", "--event-log", "samples/eventlogs/databricks-9.1-m5.4xlarge.zip", "--report", "samples/reports/databricks-m5-4xlarge-4-workers.json", "--html", "prediction.html")
                    .WithExample("predictions", "report", "PREDICTION_ID", "--html", "prediction.html");
                predictions.AddCommand<PredictionsListCommand>("list").WithDescription("List predictions, newest first.");
                predictions.AddCommand<PredictionsGetCommand>("get").WithDescription("Show a prediction: its solutions, status or error.");
                predictions.AddCommand<PredictionsWaitCommand>("wait").WithDescription("Wait for a prediction to finish, showing its status, then show it.");
                predictions.AddCommand<PredictionsRetryCommand>("retry").WithDescription("Queue a failed prediction again.");
                predictions.AddCommand<PredictionsUploadCommand>("upload").WithDescription("Send the event log of a prediction still awaiting it (after an interrupted upload).");
                predictions.AddCommand<PredictionsDeleteCommand>("delete").WithDescription("Delete a prediction.");
            });
            config.AddBranch("catalog", catalog =>
            {
                catalog.SetDescription("The instance catalog that prices runs.");
                catalog.AddCommand<CatalogUpdateCommand>("update")
                    .WithDescription("Refresh instance types and prices from the AWS Price List API into the Sync directory; print what changed.")
                    .WithExample("catalog", "update", "--region", "us-east-1", "--region", "eu-west-1");
            });
            config.AddBranch("projects", projects =>
            {
                projects.SetDescription("Projects: recurring Spark applications, their artifacts and what to optimise for.");
                projects.AddCommand<ProjectsCreateCommand>("create").WithDescription("Create a project.")
                    .WithExample("projects", "create", "--name", "nightly-etl", "--product", "aws-databricks", "--preference", "economy", "--sla", "1h");
                projects.AddCommand<ProjectsListCommand>("list").WithDescription("List projects.");
                projects.AddCommand<ProjectsGetCommand>("get").WithDescription("Show a project.");
                projects.AddCommand<ProjectsUpdateCommand>("update").WithDescription("Change a project's fields.");
                projects.AddCommand<ProjectsDeleteCommand>("delete").WithDescription("Delete a project and its recorded runs.");
            });
            config.AddBranch("runs", runs =>
            {
                runs.SetDescription("Finished runs recorded in a project, with their code hash.");
                runs.AddCommand<RunsCreateCommand>("create").WithDescription("Record a finished run: its cluster report, event log and code hash.")
                    .WithExample("runs", "create", "--project", "PROJECT_ID", "--report", "samples/reports/databricks-m5-4xlarge-4-workers.json", "--event-log", "samples/eventlogs/databricks-9.1-m5.4xlarge.zip", "--code", "app.jar");
                runs.AddCommand<RunsListCommand>("list").WithDescription("List a project's recorded runs.");
            });
            config.AddBranch("databricks", databricks =>
            {
                databricks.SetDescription("Databricks on AWS: run jobs with log delivery, record runs, predict, run the recommended cluster.");
                databricks.AddCommand<Commands.Databricks.DatabricksRunJobCommand>("run-job")
                    .WithDescription("Submit a one-time run on a new cluster tagged for the project, its logs delivered to the project's location; --wait records it.")
                    .WithExample("databricks", "run-job", "cluster-spec.json", "--task", "task.json", "--project", "PROJECT_ID", "--wait");
                databricks.AddCommand<Commands.Databricks.DatabricksRecordRunCommand>("record-run").WithDescription("Record a finished run (cluster report, delivered event log) and create its prediction.");
                databricks.AddCommand<Commands.Databricks.DatabricksGetClusterReportCommand>("get-cluster-report").WithDescription("Show the cluster report of a terminated cluster or a finished run (--run).");
                databricks.AddCommand<Commands.Databricks.DatabricksCreatePredictionCommand>("create-prediction").WithDescription("Predict from a project's latest successful run (or --run) and show the solutions.");
                databricks.AddCommand<Commands.Databricks.DatabricksRunPredictionCommand>("run-prediction").WithDescription("Start the next run with a prediction's recommended cluster.");
                databricks.AddCommand<Commands.Databricks.DatabricksRunProjectPredictionCommand>("run-project-prediction").WithDescription("Start the next run with the project's latest prediction.");
            });
            config.AddBranch("aws-emr", emr =>
            {
                emr.SetDescription("AWS EMR: start clusters as recorded runs, record them, predict, and start the next run with a prediction.");
                emr.AddCommand<AwsEmrRunJobFlowCommand>("run-job-flow")
                    .WithDescription("Start a cluster from a RunJobFlow request; with --project, tagged and logging to the project's location; --wait waits and records it.")
                    .WithExample("aws-emr", "run-job-flow", "spec.json", "--project", "PROJECT_ID", "--wait");
                emr.AddCommand<AwsEmrRecordRunCommand>("record-run").WithDescription("Record a terminated cluster as a run of its project and create its prediction.");
                emr.AddCommand<AwsEmrGetClusterReportCommand>("get-cluster-report").WithDescription("Show the cluster report of an EMR cluster (--output json for the document).");
                emr.AddCommand<AwsEmrCreatePredictionCommand>("create-prediction").WithDescription("Predict from the project's latest successful run (or --run).");
                emr.AddCommand<AwsEmrRunPredictionCommand>("run-prediction").WithDescription("Start the next run with a prediction's solution (--preference).");
                emr.AddCommand<AwsEmrRunProjectPredictionCommand>("run-project-prediction").WithDescription("Start the project's next run with its latest prediction, predicting first when it has none.");
            });
            config.AddCommand<ConfigureCommand>("configure")
                .WithDescription("Write the API URL (or embedded), API key, defaults and AWS/Databricks profiles to the Sync directory; asks at a terminal, takes options otherwise.")
                .WithExample("configure", "--api-url", "http://127.0.0.1:8080", "--api-key-id", "KEY_ID", "--api-key-secret-stdin");
            config.AddCommand<DoctorCommand>("doctor")
                .WithDescription("Check the configuration, credentials, API (or embedded database) and cloud settings; print OK/WARN/FAIL lines with fixes.");
            config.AddCommand<ServeCommand>("serve")
                .WithDescription("Run the Sync server (HTTP API /v1) in this process until Ctrl+C; --create-key prints a first API key.")
                .WithExample("serve", "--urls", "http://127.0.0.1:8080", "--create-key");
            config.AddBranch("eventlog", eventlog =>
            {
                eventlog.SetDescription("Read Spark event logs.");
                eventlog.AddCommand<SummarizeCommand>("summarize")
                    .WithDescription("Summarise a Spark event log: wall time, executors, utilisation, top stages, skew, spill, shuffle, failures.")
                    .WithExample("eventlog", "summarize", "samples/eventlogs/application_1536831636016_59384_1")
                    .WithExample("eventlog", "summarize", "path/to/eventlog_v2_app-123", "--output", "json");
                eventlog.AddCommand<SimulateCommand>("simulate")
                    .WithDescription("Re-simulate a run's schedule and predict its wall time on other executor counts.")
                    .WithExample("eventlog", "simulate", "samples/eventlogs/application_1538416563558_0014", "--executors", "1,2,4,8");
                eventlog.AddCommand<AccuracyCommand>("accuracy")
                    .WithDescription("Measure the model against ground truth: reconstruction error of every run, and each run predicted from the others of its set.")
                    .WithExample("eventlog", "accuracy", "--manifest", "bench/accuracy/ground-truth.manifest.json");
            });
        });
        return app;
    }
}
