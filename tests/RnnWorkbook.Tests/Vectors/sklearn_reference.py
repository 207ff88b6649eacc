"""Reference results from scikit-learn for SklearnEquivalenceTests (run by /usr/bin/python3 with Debian's python3-sklearn).

Reads a JSON request {train, test, labels, cases: [...]} and writes, per case, the vocabulary, the TF-IDF (or
count) matrix of the test documents, and the predictions and scores of MultinomialNB and LogisticRegression.
"""
import json
import sys

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import MultinomialNB


def df(value):
    return float(value["value"]) if value["proportion"] else int(value["value"])


def main(request_path, response_path):
    with open(request_path, encoding="utf-8") as f:
        request = json.load(f)
    train, test, labels = request["train"], request["test"], np.array(request["labels"])
    results = []
    for case in request["cases"]:
        counting = dict(
            lowercase=case["lowercase"],
            analyzer={"Word": "word", "Char": "char", "CharWordBounded": "char_wb"}[case["analyzer"]],
            ngram_range=(case["minN"], case["maxN"]),
            min_df=df(case["minDf"]),
            max_df=df(case["maxDf"]),
            max_features=case.get("maxFeatures"),
            binary=case["binary"],
        )
        tfidf = TfidfVectorizer(
            norm={"L2": "l2", "L1": "l1", "None": None}[case["norm"]],
            use_idf=case["useIdf"],
            smooth_idf=case["smoothIdf"],
            sublinear_tf=case["sublinearTf"],
            **counting,
        )
        x_train = tfidf.fit_transform(train)
        x_test = tfidf.transform(test).tocsr()
        x_test.sort_indices()
        counts = CountVectorizer(**counting)
        c_train = counts.fit_transform(train)
        c_test = counts.transform(test)
        nb = MultinomialNB(alpha=1.0).fit(c_train, labels)
        lr = LogisticRegression(C=case["c"], max_iter=20000, tol=1e-8).fit(x_train, labels)
        results.append(
            {
                "terms": tfidf.get_feature_names_out().tolist(),
                "idf": tfidf.idf_.tolist() if case["useIdf"] else None,
                "rowPointers": x_test.indptr.tolist(),
                "columns": x_test.indices.tolist(),
                "values": x_test.data.tolist(),
                "nbPredictions": nb.predict(c_test).tolist(),
                "nbJoint": nb.predict_joint_log_proba(c_test).tolist(),
                "lrPredictions": lr.predict(x_test).tolist(),
                "lrProbabilities": lr.predict_proba(x_test).tolist(),
            }
        )
    with open(response_path, "w", encoding="utf-8") as f:
        json.dump(results, f)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
