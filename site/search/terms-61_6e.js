tracebriefSearch.terms("an",{"any":"0"});
