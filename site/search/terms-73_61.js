tracebriefSearch.terms("sa",{"said":"0","says":"0"});
