tracebriefSearch.terms("ru",{"russia":"a,5","russian":"0"});
