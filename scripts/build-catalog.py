#!/usr/bin/env python3
"""Builds catalog/aws-instances.json, the dated instance catalog shipped with Sync, from the public data sets in
../shared/data/catalogs (see that folder's PROVENANCE.md). Run from the repository root:

    python3 scripts/build-catalog.py ../shared/data/catalogs > catalog/aws-instances.json

Every number is taken from a named source; numbers that are estimates say so (`emrEstimated`)."""
import json, re, sys

root = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/catalogs"
prices = json.load(open(f"{root}/karpenter/ec2-ondemand-prices.json"))
bandwidth = json.load(open(f"{root}/karpenter/ec2-network-bandwidth.json"))["bandwidth_mbps"]
shapes = json.load(open(f"{root}/spark-rapids-tools/emr-instance-catalog.json"))
dbx = json.load(open(f"{root}/spark-rapids-tools/databricks-premium-catalog.json"))["Jobs Compute"]

# Published EMR per-instance-hour charges (the rest are estimated at a quarter of the EC2 on-demand price).
EMR_PUBLISHED = {"m5.xlarge": 0.048, "r5.2xlarge": 0.126}

instances = []
for name in sorted(set(shapes) & set(prices["prices"]["us-east-1"])):
    family, size = name.split(".", 1)
    m = re.match(r"^([a-z]+)(\d+)([a-z\-]*)$", family)
    if not m or shapes[name].get("GpuInfo"):
        continue  # GPU instances are not Spark CPU workers
    series, generation, attributes = m.group(1), int(m.group(2)), m.group(3)
    ec2 = prices["prices"]["us-east-1"][name]
    emr = EMR_PUBLISHED.get(name)
    dbu = dbx["Instances"].get(name, {}).get("DBU")
    instances.append({
        "type": name,
        "family": family,
        "generation": generation,
        # Graviton: the a1 family (first generation) and every family with a "g" attribute (m6g, c7gn, r6gd, …).
        "architecture": "arm64" if series == "a" or "g" in attributes else "x86_64",
        "vcpu": shapes[name]["VCpuCount"],
        "memoryMiB": shapes[name]["MemoryInMB"],
        "networkMbps": bandwidth.get(name),
        "localNvme": "d" in attributes,
        "prices": {"us-east-1": {
            "ec2OnDemand": ec2,
            "emr": emr if emr is not None else round(ec2 * 0.25, 6),
            "emrEstimated": emr is None,
        }},
        "databricksDbuPerHour": dbu,
    })

catalog = {
    "schemaVersion": 1,
    "date": prices["generated_at"][:10],
    "sources": [
        {"what": "EC2 on-demand Linux prices, us-east-1", "source": prices["source"], "commit": prices["commit"], "date": prices["generated_at"], "license": prices["license"]},
        {"what": "baseline network bandwidth (Mbit/s)", "source": "aws/karpenter-provider-aws pkg/providers/instancetype/zz_generated.bandwidth.go", "commit": prices["commit"], "license": "Apache-2.0"},
        {"what": "vCPU and memory", "source": "NVIDIA/spark-rapids-tools user_tools/src/spark_rapids_pytools/resources/emr-instance-catalog.json", "license": "Apache-2.0"},
        {"what": "Databricks on AWS, Premium, Jobs Compute: DBU per hour and USD per DBU (2023 list prices)", "source": "NVIDIA/spark-rapids-tools databricks-premium-catalog.json at 2eef9043aa0b5b9e19640e8f8e0283ee89b708d5", "license": "Apache-2.0"},
        {"what": "Databricks on AWS, Jobs Compute with Photon: USD per DBU (jobsComputePhoton), estimated", "source": "estimated at twice the Jobs Compute rate, the ratio third-party cost analyses report as typical for Photon on classic jobs compute (up to about 2.9x for some instance types); no Databricks Photon price list is in ../shared/data. Replace with the account's rate (a catalog file, or the --catalog option)."},
        {"what": "EMR per-instance-hour charge, us-east-1", "source": "published points m5.xlarge 0.048 and r5.2xlarge 0.126 USD/h; other types estimated at 25 % of the EC2 on-demand price (emrEstimated: true)"},
        {"what": "EBS storage prices, us-east-1", "source": "published list price, us-east-1: 0.08 USD per GB-month"},
    ],
    "databricksUsdPerDbu": {"jobsCompute": dbx["RatePerHour"], "jobsComputePhoton": round(2 * dbx["RatePerHour"], 6)},
    "ebsUsdPerGbMonth": {"us-east-1": {"gp3": 0.08, "gp2": 0.10}},
    "instances": instances,
}
json.dump(catalog, sys.stdout, indent=1)
print()
